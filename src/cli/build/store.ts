import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDuckDB } from '../../lib/connector/node-duckdb';
import type { Catalog } from '../../lib/config/catalog-schema';
import { literal } from '../../lib/sql/quote';
import {
	createStagingSql,
	dropHelpersSql,
	duplicatesSql,
	formerVillagesSql,
	incidentsSql,
	helperColumns,
	rollupSql,
	STAGING,
	tasksSql,
	unitsSql,
	villageMonthSql
} from './extract-sql';
import type { MoveRange } from './moves';
import type { IncidentRow, TaskRow } from './side-tables';
import type { UnitRecord } from './units';
import { writeVillageFiles, type VillageFile } from './village-files';

/**
 * The build's DuckDB: report rows arrive as Parquet parts from the reader threads, units and
 * side tables through appenders; the published tables are made by SQL, and Parquet is written by
 * DuckDB itself — built into the Node engine, so nothing is ever downloaded.
 */
export class Store {
	reportRows = 0;

	private constructor(
		private readonly instance: DuckDBInstance,
		readonly conn: DuckDBConnection,
		private readonly catalog: Catalog
	) {}

	static async open(catalog: Catalog, tempDir: string): Promise<Store> {
		const instance = await openDuckDB(':memory:', {
			temp_directory: tempDir,
			memory_limit: '1GB'
		});
		const conn = await instance.connect();
		for (const sql of createStagingSql(catalog)) await conn.run(sql);
		return new Store(instance, conn, catalog);
	}

	async appendUnits(units: Iterable<UnitRecord>): Promise<void> {
		const a = await this.conn.createAppender(STAGING.units);
		for (const u of units) {
			a.appendVarchar(u.code);
			a.appendVarchar(u.name);
			a.appendVarchar(u.level);
			nullable(a, u.parentCode);
			a.appendVarchar(u.kind);
			nullable(a, u.townshipCode);
			nullable(a, u.countyCode);
			a.appendInteger(u.index);
			a.endRow();
		}
		a.closeSync();
	}

	/** Loads the Parquet parts the readers staged. */
	async loadReportParts(parts: string[]): Promise<void> {
		const list = `[${parts.map(literal).join(', ')}]`;
		await this.conn.run(`INSERT INTO ${STAGING.reports} SELECT * FROM read_parquet(${list})`);
		const [r] = await this.all(`SELECT count(*) AS n FROM ${STAGING.reports}`);
		this.reportRows = Number(r.n);
	}

	async appendTasks(tasks: TaskRow[]): Promise<void> {
		const a = await this.conn.createAppender(STAGING.tasks);
		for (const t of tasks) {
			a.appendVarchar(t.code);
			a.appendInteger(t.year);
			a.appendVarchar(t.measure);
			a.appendInteger(t.task);
			a.endRow();
		}
		a.closeSync();
	}

	async appendMoves(ranges: MoveRange[]): Promise<void> {
		const a = await this.conn.createAppender(STAGING.moves);
		for (const r of ranges) {
			a.appendVarchar(r.code);
			a.appendInteger(r.from);
			a.appendInteger(r.to);
			a.appendVarchar(r.township);
			a.endRow();
		}
		a.closeSync();
	}

	async appendIncidents(incidents: IncidentRow[]): Promise<void> {
		const a = await this.conn.createAppender(STAGING.incidents);
		for (const i of incidents) {
			a.appendVarchar(i.code);
			nullable(a, i.townshipCode);
			a.appendInteger(i.date);
			a.appendVarchar(i.type);
			a.appendInteger(i.count);
			a.appendVarchar(i.note);
			a.endRow();
		}
		a.closeSync();
	}

	/**
	 * Removes every copy of a (code, month) reported more than once and returns the copies, each
	 * with the location of another copy, ordered by file and line.
	 */
	async takeDuplicates(): Promise<Record<string, unknown>[]> {
		const taken = await this.all(
			`SELECT d.other_src, d.other_line, r.* FROM (${duplicatesSql}) d JOIN ${STAGING.reports} r USING (src, line) ORDER BY r.src, r.line`
		);
		if (taken.length)
			await this.conn.run(
				`DELETE FROM ${STAGING.reports} WHERE (code, month) IN (SELECT (code, month) FROM (${duplicatesSql}))`
			);
		this.reportRows -= taken.length;
		return taken;
	}

	/** How many staged rows each month holds. */
	async monthCounts(): Promise<{ month: number; rows: number }[]> {
		const rows = await this.all(`SELECT month, count(*) AS n FROM ${STAGING.reports} GROUP BY month`);
		return rows.map((r) => ({ month: Number(r.month), rows: Number(r.n) }));
	}

	/** Removes the staged rows of these months and returns them, ordered by file and line. */
	async takeMonths(months: number[]): Promise<Record<string, unknown>[]> {
		if (!months.length) return [];
		const list = months.map((m) => literal(m)).join(', ');
		const taken = await this.all(`SELECT * FROM ${STAGING.reports} WHERE month IN (${list}) ORDER BY src, line`);
		await this.conn.run(`DELETE FROM ${STAGING.reports} WHERE month IN (${list})`);
		this.reportRows -= taken.length;
		return taken;
	}

	/**
	 * Creates the published tables from the staged rows, all but the township and county
	 * roll-ups: writeVillageFiles makes those while it writes the village files.
	 */
	async createExtracts(fromMonth: number, toMonth: number, today: number): Promise<void> {
		for (const sql of [unitsSql, villageMonthSql(this.catalog, fromMonth, toMonth, today), tasksSql, incidentsSql])
			await this.conn.run(sql);
	}

	/**
	 * Writes village_month as one Parquet file per township into `dir` and, meanwhile, creates
	 * the township and county roll-ups from it: the village files take two DuckDB threads of
	 * their own (see village-files.ts), and the roll-ups run beside them.
	 */
	async writeVillageFiles(dir: string): Promise<VillageFile[]> {
		const c = this.catalog;
		const files = await writeVillageFiles(this.instance, `SELECT * EXCLUDE (${helperColumns(c).join(', ')}) FROM village_month`, dir, async (conn) => {
			for (const sql of [rollupSql(c, 'township'), rollupSql(c, 'county')]) await conn.run(sql);
		});
		for (const sql of dropHelpersSql(c)) await this.conn.run(sql);
		return files;
	}

	/** Township → the villages its file holds that now belong elsewhere (formerVillagesSql). */
	async formerVillages(): Promise<Map<string, string[]>> {
		const rows = await this.all(formerVillagesSql);
		return new Map(rows.map((r) => [String(r.township), (r.codes as unknown[]).map(String)]));
	}

	/**
	 * The last month that at least `share` of the villages reported: the data set's latest month
	 * and default period, so one early report does not move it. Null when no month qualifies.
	 */
	async latestMonth(share: number): Promise<number | null> {
		const [r] = await this.all(
			`SELECT max(m) AS m FROM (SELECT year(period) * 12 + month(period) - 1 AS m, avg(reports_received) AS got FROM village_month GROUP BY ALL) WHERE got >= ${literal(share)}`
		);
		return r.m === null ? null : Number(r.m);
	}

	async monthRange(): Promise<{ from: number; to: number } | null> {
		const [r] = await this.all(`SELECT min(month) AS lo, max(month) AS hi FROM ${STAGING.reports}`);
		return r.lo === null ? null : { from: Number(r.lo), to: Number(r.hi) };
	}

	async copyToParquet(select: string, path: string): Promise<number> {
		const result = await this.conn.run(
			`COPY (${select}) TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`
		);
		return Number(result.rowsChanged);
	}

	async all(sql: string): Promise<Record<string, unknown>[]> {
		const reader = await this.conn.runAndReadAll(sql);
		return reader.getRowObjectsJS() as Record<string, unknown>[];
	}

	close(): void {
		this.conn.closeSync();
		this.instance.closeSync();
	}
}

function nullable(a: DuckDBAppender, v: string | null): void {
	if (v === null) a.appendNull();
	else a.appendVarchar(v);
}
