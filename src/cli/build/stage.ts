import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDuckDB } from '../../lib/connector/node-duckdb';
import type { Catalog } from '../../lib/config/catalog-schema';
import { literal } from '../../lib/sql/quote';
import { reportStagingSql, STAGING } from './extract-sql';
import type { ValidRow } from './report-row';

/**
 * Stages valid report rows in a DuckDB of its own and hands them over as one Parquet part.
 * Each reader thread owns one, so appending (one native call per value) runs on every core.
 */
export class ReportStager {
	rows = 0;

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection,
		private readonly appender: DuckDBAppender,
		private readonly catalog: Catalog
	) {}

	static async open(catalog: Catalog, tempDir: string): Promise<ReportStager> {
		const instance = await openDuckDB(':memory:', {
			temp_directory: tempDir,
			threads: '1'
		});
		const conn = await instance.connect();
		await conn.run(reportStagingSql(catalog));
		const appender = await conn.createAppender(STAGING.reports);
		return new ReportStager(instance, conn, appender, catalog);
	}

	append(row: ValidRow, src: number, line: number): void {
		const a = this.appender;
		a.appendVarchar(row.unit.code);
		a.appendInteger(row.month);
		if (row.submitted === null) a.appendNull();
		else a.appendInteger(row.submitted);
		const measures = this.catalog.measures;
		for (let k = 0; k < measures.length; k++) {
			const v = row.values[k];
			if (v === null) a.appendNull();
			else if (measures[k].type === 'money') a.appendDouble(v);
			else a.appendInteger(v);
		}
		a.appendInteger(src);
		a.appendInteger(line);
		a.endRow();
		this.rows++;
	}

	/** Writes the staged rows to `path` (Parquet) and closes the stager. */
	async finish(path: string): Promise<void> {
		this.appender.closeSync();
		await this.conn.run(
			`COPY ${STAGING.reports} TO ${literal(path)} (FORMAT parquet, COMPRESSION uncompressed)`
		);
		this.conn.closeSync();
		this.instance.closeSync();
	}
}
