import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The one way this project opens DuckDB in Node: extension autoinstall and autoload off, so a
 * query can never reach for the network (Parquet is built into the Node engine).
 */
export function openDuckDB(
	path = ':memory:',
	options: Record<string, string> = {}
): Promise<DuckDBInstance> {
	return DuckDBInstance.create(path, {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false',
		...options
	});
}
