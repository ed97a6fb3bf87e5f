import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/cli/build/run';
import { recordingEffects } from '../../src/cli/effects';
import { createExtractViews } from '../../src/cli/extract-set';
import { createNodeConnector } from '../../src/lib/connector/node';
import type { Connector } from '../../src/lib/connector/types';
import type { Manifest } from '../../src/lib/extract/schema';

export interface TinySet {
	/** The published set's folder. */
	out: string;
	manifest: Manifest;
	/** DuckDB with the set's tables, opened the one way Node opens a set (villages included). */
	conn: Connector;
	close(): Promise<void>;
}

/** The hand-made tiny county (tests/fixtures/tiny), built into a temporary folder and opened. */
export async function openTinySet(prefix: string): Promise<TinySet> {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const out = join(dir, 'out');
	const r = await build(
		{ input: 'tests/fixtures/tiny/input', out, allowRejects: false, maxErrors: 5, lang: 'en' },
		recordingEffects().fx
	);
	const manifest = r.manifest!;
	const conn = await createNodeConnector();
	await createExtractViews(conn, out, manifest);
	return {
		out,
		manifest,
		conn,
		async close() {
			await conn.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
