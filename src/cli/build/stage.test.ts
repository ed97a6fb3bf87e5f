import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config-files';
import type { UnitInfo, ValidRow } from './report-row';
import { ReportStager } from './stage';

const { catalog } = defaultConfig();
const dir = mkdtempSync(join(tmpdir(), 'kaoping-stage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unit = (n: number): UnitInfo => ({
	code: `99010100${n % 10}${String(n).padStart(3, '0')}`,
	name: `村${n}`,
	level: 'village',
	parentCode: null,
	townshipCode: null,
	countyCode: null,
	index: n
});

/** Row n: every third one without 报送日期, every fifth measure NULL, money with fen. */
function row(n: number): ValidRow {
	const values = catalog.measures.map((m, k) => {
		if ((n + k) % 5 === 0) return null;
		return m.type === 'money' ? n + k + 0.25 : n * 7 + k;
	});
	return { unit: unit(n), month: 24_180 + (n % 120), submitted: n % 3 === 0 ? null : 19_000 + n, values };
}

describe('staging valid rows in data chunks', () => {
	it('writes every row as appended, across chunk boundaries and with NULLs', async () => {
		// 2048 rows a chunk: three full chunks and a partial one
		const count = 3 * 2048 + 17;
		const stager = await ReportStager.open(catalog, dir);
		for (let n = 0; n < count; n++) stager.append(row(n), n % 4, n + 2);
		const part = join(dir, 'part.parquet');
		await stager.finish(part);
		expect(stager.rows).toBe(count);

		const conn = await (await DuckDBInstance.create(':memory:')).connect();
		const got = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${part}') ORDER BY line`)).getRowObjectsJS();
		conn.closeSync();
		expect(got).toHaveLength(count);
		for (const n of [0, 1, 2, 3, 2047, 2048, 2049, 4095, 4096, count - 1]) {
			const r = row(n);
			const expected: Record<string, unknown> = { code: r.unit.code, month: r.month, submitted: r.submitted };
			catalog.measures.forEach((m, k) => (expected[m.id] = r.values[k]));
			expect(got[n]).toEqual({ ...expected, src: n % 4, line: n + 2 });
		}
	});

	it('writes an empty part when no row was valid', async () => {
		const stager = await ReportStager.open(catalog, dir);
		const part = join(dir, 'empty.parquet');
		await stager.finish(part);
		const conn = await (await DuckDBInstance.create(':memory:')).connect();
		const [r] = (await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${part}')`)).getRowObjectsJS();
		conn.closeSync();
		expect(Number(r.n)).toBe(0);
	});
});
