import { Table, type RecordBatch, type Schema } from 'apache-arrow';

/**
 * The engine's own closure, run once on the first connection before any data is inserted.
 * enable_external_access is global: no statement on any connection can read or write a file,
 * reach the network, ATTACH or load an extension after it. lock_configuration comes last so that
 * no later SET (or PRAGMA that sets) can undo the others. The site's own loading inserts Arrow
 * IPC buffers, which touch no file system, so it keeps working.
 */
export const CLOSING_SETTINGS = [
	'SET enable_external_access = false',
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	'SET allow_community_extensions = false',
	'SET lock_configuration = true'
] as const;

export async function closeConnection(exec: (sql: string) => Promise<unknown>): Promise<void> {
	for (const statement of CLOSING_SETTINGS) await exec(statement);
}

/** Why the console refused a statement (each has a zh and en message) or stopped it. */
export type Refusal =
	| 'write_file'
	| 'attach'
	| 'extension'
	| 'setting'
	| 'write_table'
	| 'external'
	| 'not_select'
	| 'cancelled';

export class ConsoleError extends Error {
	constructor(
		/** `error`: DuckDB's own error (syntax, unknown table …), shown as DuckDB says it. */
		readonly kind: Refusal | 'error',
		readonly detail: string
	) {
		super(detail);
	}
}

/** One connection of its own for the console, so its transaction never meets the site's. */
export interface ConsoleConnection {
	/** Parses and binds exactly one statement without running it; throws otherwise. */
	prepare(sql: string): Promise<void>;
	exec(sql: string): Promise<void>;
	/** Runs one statement, batch by batch, until `onBatch` returns false; resolves to the schema. */
	stream(sql: string, onBatch: (batch: RecordBatch) => boolean): Promise<Schema>;
	/** Interrupts the statement `stream` is running. */
	cancel(): Promise<void>;
	close(): Promise<void>;
}

/** Masks string literals, quoted names and comments with spaces, keeping offsets. */
function code(sql: string): string {
	return sql.replace(/'(?:[^']|'')*'?|"(?:[^"]|"")*"?|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) =>
		' '.repeat(m.length)
	);
}

/** The statement without trailing semicolons, comments and blanks (a habit from other consoles). */
export function trimStatement(sql: string): string {
	const masked = code(sql);
	let end = masked.length;
	while (end > 0 && /[\s;]/.test(masked[end - 1])) end--;
	return sql.slice(0, end);
}

/**
 * The console's SQL as the one statement DuckDB runs: a sub-query of a SELECT. The grammar only
 * accepts a query there, and prepare() refuses more than one statement, so whatever the text
 * (a `) q; DROP …` included) nothing but a single query gets past the parser. The newline keeps
 * a trailing `--` comment from swallowing the closing parenthesis.
 */
export function consoleStatement(sql: string): string {
	return `SELECT * FROM (\n${trimStatement(sql)}\n) AS console_result`;
}

const QUERY_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', '(']);

/** Which refusal the text's first keyword names — used to word the message, never to allow. */
export function statementKind(sql: string): Refusal | 'query' {
	const masked = code(trimStatement(sql)).trim();
	const words = masked.toUpperCase().match(/\(|[A-Z_]+/g) ?? [];
	const [first = '', second = ''] = words;
	if (QUERY_START.has(first)) return /;\s*\S/.test(masked) ? 'not_select' : 'query';
	if (first === 'COPY' || first === 'EXPORT') return 'write_file';
	if (first === 'ATTACH' || first === 'DETACH' || first === 'USE') return 'attach';
	if (first === 'INSTALL' || first === 'LOAD' || first === 'FORCE') return 'extension';
	if (first === 'UPDATE' && second === 'EXTENSIONS') return 'extension';
	if (first === 'SET' || first === 'RESET' || first === 'PRAGMA') return 'setting';
	const writes = ['CREATE', 'INSERT', 'UPDATE', 'DELETE', 'DROP', 'ALTER', 'TRUNCATE', 'MERGE'];
	if (writes.includes(first) || first === 'IMPORT') return 'write_table';
	return 'not_select';
}

/** DuckDB's error for the console's statement, as the console reports it. */
export function consoleErrorOf(sql: string, error: unknown): ConsoleError {
	const detail = error instanceof Error ? error.message : String(error);
	const kind = statementKind(sql);
	// the parser's complaint is about the wrapping sub-query, not what the reader wrote
	if (kind !== 'query') return new ConsoleError(kind, /Parser Error/.test(detail) ? '' : detail);
	if (/interrupt|cancel/i.test(detail)) return new ConsoleError('cancelled', detail);
	// DuckDB-WASM reads Parquet, JSON and URLs through extensions it may not load: a function
	// of one is refused for that reason, worded by what the query asked for
	if (/exists in the \w+ extension/i.test(detail))
		return new ConsoleError(/'[a-z0-9]+:\/\//i.test(sql) ? 'external' : 'extension', detail);
	if (/disabled by configuration|Permission Error|external access/i.test(detail))
		return new ConsoleError('external', detail);
	if (/read-only/i.test(detail)) return new ConsoleError('write_table', detail);
	if (/configuration has been locked/i.test(detail)) return new ConsoleError('setting', detail);
	if (/multiple statements/i.test(detail)) return new ConsoleError('not_select', detail);
	return new ConsoleError('error', detail);
}

export interface ConsoleResult {
	table: Table;
	/** More rows than `limit`: the rest were not fetched. */
	truncated: boolean;
	ms: number;
	/** ms until the first batch arrived (what a reader waits for before seeing rows). */
	firstMs: number | null;
}

/**
 * Runs the analyst's SQL closed three ways: the engine settings above (no files, no network, no
 * extensions, no SET), the parser (one query, via `consoleStatement` and prepare) and a
 * READ ONLY transaction on the console's own connection (no write to any table), rolled back
 * afterwards whatever happened.
 */
export async function runConsoleQuery(
	conn: ConsoleConnection,
	sql: string,
	options: { limit: number; now?: () => number }
): Promise<ConsoleResult> {
	const now = options.now ?? (() => performance.now());
	const t0 = now();
	if (!trimStatement(sql).trim()) throw new ConsoleError('not_select', '');
	const statement = consoleStatement(sql);
	const batches: RecordBatch[] = [];
	let rows = 0;
	let truncated = false;
	let firstMs: number | null = null;
	await conn.exec('BEGIN TRANSACTION READ ONLY');
	try {
		await conn.prepare(statement);
		const schema = await conn.stream(statement, (batch) => {
			firstMs ??= now() - t0;
			const room = options.limit - rows;
			if (batch.numRows > room) {
				if (room > 0) batches.push(batch.slice(0, room));
				rows = options.limit;
				truncated = true;
				return false;
			}
			batches.push(batch);
			rows += batch.numRows;
			return true;
		});
		return { table: new Table(schema, batches), truncated, ms: now() - t0, firstMs };
	} catch (e) {
		throw consoleErrorOf(sql, e);
	} finally {
		await conn.exec('ROLLBACK').catch(() => undefined);
	}
}
