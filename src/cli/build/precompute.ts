import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../lib/config';
import { createNodeConnector } from '../../lib/connector/node';
import { rowsOf } from '../../lib/connector/types';
import {
	SCHEMA_VERSION,
	type FileRef,
	type Manifest,
	type Precomputed
} from '../../lib/extract/schema';
import type { ViewQuery } from '../../lib/views/view-query';
import { createExtractViews } from '../extract-set';
import { defaultViewQueries } from '../../lib/views/defaults';
import { nameByContent } from './publish';

/**
 * Runs the default views' queries against the Parquet files just written — the same files and
 * the same SQL the browser uses — and writes their rows beside them: the overview's first numbers
 * in one file, the rest of the default views in another (views/defaults.ts).
 */
export async function precompute(
	dir: string,
	manifest: Manifest,
	config: Config
): Promise<{ first: FileRef; more: FileRef }> {
	const conn = await createNodeConnector();
	try {
		await createExtractViews(conn, dir, manifest);
		const write = async (name: string, queries: ViewQuery[]) => {
			const results: Precomputed['results'] = {};
			for (const q of queries) results[q.key] = rowsOf(await conn.query(q.sql));
			const body: Precomputed = { schema_version: SCHEMA_VERSION, results };
			const path = join(dir, `${name}.json`);
			writeFileSync(path, JSON.stringify(body));
			return nameByContent(path);
		};
		const { first, more } = defaultViewQueries(config, manifest);
		return { first: await write('precomputed', first), more: await write('precomputed-more', more) };
	} finally {
		await conn.close();
	}
}
