import type { Table } from 'apache-arrow';
import { runConsoleQuery, type ConsoleConnection } from '../sql/closed';
import { SQL_ROW_LIMIT } from './sql-console';

export type SqlOutcome =
	| { ok: true; table: Table; truncated: boolean; ms: number; firstMs: number | null }
	| { ok: false; error: unknown };

/**
 * The console's side of one page: its own closed connection, opened on the first run and closed
 * with the page, one statement at a time, and the cancel button's target.
 */
export class SqlSession {
	private conn: Promise<ConsoleConnection> | null = null;
	private running = false;

	constructor(
		private readonly open: () => Promise<ConsoleConnection>,
		private readonly limit = SQL_ROW_LIMIT
	) {}

	get busy(): boolean {
		return this.running;
	}

	async run(sql: string): Promise<SqlOutcome> {
		if (this.running) throw new Error('a query is already running');
		this.running = true;
		try {
			const conn = await (this.conn ??= this.open());
			const r = await runConsoleQuery(conn, sql, { limit: this.limit });
			return { ok: true, ...r };
		} catch (error) {
			return { ok: false, error };
		} finally {
			this.running = false;
		}
	}

	async cancel(): Promise<void> {
		if (this.running && this.conn) await (await this.conn).cancel();
	}

	async close(): Promise<void> {
		const conn = this.conn;
		this.conn = null;
		if (conn) await (await conn).close().catch(() => undefined);
	}
}
