import { DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR, type DuckDBAppender, type DuckDBConnection, type DuckDBInstance, type DuckDBType } from '@duckdb/node-api';
import { openDuckDB } from '../../lib/connector/node-duckdb';
import type { Catalog } from '../../lib/config/catalog-schema';
import { literal } from '../../lib/sql/quote';
import { reportStagingSql, STAGING } from './extract-sql';
import type { ValidRow } from './report-row';

/** Rows per data chunk: DuckDB's vector size, the most one chunk may hold. */
const CHUNK_ROWS = 2048;

/**
 * Stages valid report rows in a DuckDB of its own and hands them over as one Parquet part.
 * Each reader thread owns one. Rows are gathered in plain JavaScript columns and appended a
 * data chunk at a time: one native call per value (the row appender) cost more than the
 * validation of the row itself.
 */
export class ReportStager {
	rows = 0;
	private readonly types: DuckDBType[];
	private readonly codes: string[] = [];
	/** Every column after code, in table order; null = NULL. */
	private readonly columns: (number | null)[][];
	private pending = 0;

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection,
		private readonly appender: DuckDBAppender,
		catalog: Catalog
	) {
		const measures = catalog.measures.map((m) => (m.type === 'money' ? DOUBLE : INTEGER));
		// code, month, submitted, the measures, src, line: the order of reportStagingSql
		this.types = [VARCHAR, INTEGER, INTEGER, ...measures, INTEGER, INTEGER];
		this.columns = this.types.slice(1).map(() => new Array<number | null>(CHUNK_ROWS));
	}

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
		const i = this.pending++;
		const cols = this.columns;
		this.codes[i] = row.unit.code;
		cols[0][i] = row.month;
		cols[1][i] = row.submitted;
		const values = row.values;
		for (let k = 0; k < values.length; k++) cols[2 + k][i] = values[k];
		cols[cols.length - 2][i] = src;
		cols[cols.length - 1][i] = line;
		this.rows++;
		if (this.pending === CHUNK_ROWS) this.flush();
	}

	/** Appends the gathered rows as one data chunk. */
	private flush(): void {
		const n = this.pending;
		if (n === 0) return;
		const chunk = DuckDBDataChunk.create(this.types, n);
		const codes = chunk.getColumnVector(0);
		for (let i = 0; i < n; i++) codes.setItem(i, this.codes[i]);
		codes.flush();
		for (let c = 0; c < this.columns.length; c++) {
			const vector = chunk.getColumnVector(c + 1);
			const column = this.columns[c];
			for (let i = 0; i < n; i++) vector.setItem(i, column[i]);
			vector.flush();
		}
		this.appender.appendDataChunk(chunk);
		this.pending = 0;
	}

	/** Writes the staged rows to `path` (Parquet) and closes the stager. */
	async finish(path: string): Promise<void> {
		this.flush();
		this.appender.closeSync();
		await this.conn.run(
			`COPY ${STAGING.reports} TO ${literal(path)} (FORMAT parquet, COMPRESSION uncompressed)`
		);
		this.conn.closeSync();
		this.instance.closeSync();
	}
}
