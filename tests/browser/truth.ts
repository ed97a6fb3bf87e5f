import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';

/**
 * Expected numbers computed straight from the published Parquet with hand-written SQL —
 * deliberately not through the app's query builders, so a browser test compares the screen
 * with an independent calculation.
 */
export async function truth<T = Record<string, unknown>>(
	extracts: string,
	sql: string
): Promise<T[]> {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	try {
		for (const t of ['county_month', 'township_month', 'units'])
			await c.run(
				`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(extracts, `${t}-*.parquet`)}')`
			);
		await c.run(
			`CREATE VIEW village_month AS SELECT * FROM read_parquet('${join(extracts, 'village_month/*.parquet')}')`
		);
		const rows = (await c.runAndReadAll(sql)).getRowObjectsJS();
		return rows.map((r) =>
			Object.fromEntries(
				Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])
			)
		) as T[];
	} finally {
		c.closeSync();
		db.closeSync();
	}
}

export const pct = (x: number) => `${x.toFixed(2)}%`;
