import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector } from '../lib/connector/types';
import type { ExtractName, Manifest } from '../lib/extract/schema';
import { ident, literal } from '../lib/sql/quote';

/**
 * The one way Node opens a published extract set: one view per extract over its Parquet files,
 * named as the browser names its tables, so the same SQL runs in both places.
 */
export async function openExtractSet(
	db: Connector,
	dir: string,
	/** Copy the rows into tables, so the files may go (test fixtures built in a temp folder). */
	copy = false
): Promise<Manifest> {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	await createExtractViews(db, dir, manifest, copy);
	return manifest;
}

/** Views over the extracts a manifest lists (the build uses this before manifest.json exists). */
export async function createExtractViews(
	db: Connector,
	dir: string,
	manifest: Manifest,
	copy = false
): Promise<void> {
	const files = new Map<ExtractName, string[]>();
	for (const e of manifest.extracts)
		files.set(e.name, [...(files.get(e.name) ?? []), join(dir, e.file)]);
	for (const [name, paths] of files)
		await db.exec(
			`CREATE ${copy ? 'TABLE' : 'VIEW'} ${ident(name)} AS SELECT * FROM read_parquet([${paths.map(literal).join(', ')}])`
		);
}
