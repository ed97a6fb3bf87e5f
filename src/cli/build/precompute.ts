import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../lib/config';
import { createNodeConnector } from '../../lib/connector/node';
import { rowsOf } from '../../lib/connector/types';
import { SCHEMA_VERSION, type Manifest, type Precomputed } from '../../lib/extract/schema';
import { createExtractViews } from '../extract-set';
import { defaultViewQueries } from '../../lib/views/defaults';
import { nameByContent } from './publish';

/**
 * Runs the default views' queries against the Parquet files just written — the same files and
 * the same SQL the browser uses — and writes their rows beside them.
 */
export async function precompute(dir: string, manifest: Manifest, config: Config) {
	const conn = await createNodeConnector();
	try {
		await createExtractViews(conn, dir, manifest);
		const results: Precomputed['results'] = {};
		for (const q of defaultViewQueries(config, manifest)) results[q.key] = rowsOf(await conn.query(q.sql));
		const body: Precomputed = { schema_version: SCHEMA_VERSION, results };
		const path = join(dir, 'precomputed.json');
		writeFileSync(path, JSON.stringify(body));
		return nameByContent(path);
	} finally {
		await conn.close();
	}
}
