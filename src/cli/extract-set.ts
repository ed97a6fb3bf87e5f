import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector } from '../lib/connector/types';
import {
	withVillageIndex,
	type ExtractName,
	type Manifest,
	type VillageIndex
} from '../lib/extract/schema';
import { ident, literal } from '../lib/sql/quote';

/**
 * The one way Node opens a published extract set: one view per extract over its Parquet files,
 * named as the browser names its tables, so the same SQL runs in both places. Returns the
 * manifest with the village index's files in `extracts` (readExtractSet).
 */
export async function openExtractSet(
	db: Connector,
	dir: string,
	/** Copy the rows into tables, so the files may go (test fixtures built in a temp folder). */
	copy = false
): Promise<Manifest> {
	const manifest = readExtractSet(dir);
	await createExtractViews(db, dir, manifest, copy);
	return manifest;
}

/**
 * manifest.json with every file of the set listed in `extracts`: the village index
 * (manifest.villages) read, checked against its sha256 and merged in.
 */
export function readExtractSet(dir: string): Manifest {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	// an older set has no index; its version is refused by the caller that checks it
	if (!manifest.villages) return manifest;
	return withVillageIndex(manifest, readVillageIndex(dir, manifest));
}

/** The village index manifest.villages names, refused if its bytes are not the listed ones. */
export function readVillageIndex(dir: string, manifest: Manifest): VillageIndex {
	const bytes = readFileSync(join(dir, manifest.villages.file));
	const found = createHash('sha256').update(bytes).digest('hex');
	if (found !== manifest.villages.sha256)
		throw new Error(
			`${manifest.villages.file}: sha256 ${found} differs from manifest.json's ${manifest.villages.sha256}`
		);
	return JSON.parse(bytes.toString('utf8')) as VillageIndex;
}

/**
 * Views over the extracts a manifest lists, the village index's included when its `extracts`
 * lack them (the build uses this before manifest.json exists).
 */
export async function createExtractViews(
	db: Connector,
	dir: string,
	manifest: Manifest,
	copy = false
): Promise<void> {
	const merged = !manifest.villages || manifest.extracts.some((e) => e.name === 'village_month');
	const all = merged ? manifest : withVillageIndex(manifest, readVillageIndex(dir, manifest));
	const files = new Map<ExtractName, string[]>();
	for (const e of all.extracts)
		files.set(e.name, [...(files.get(e.name) ?? []), join(dir, e.file)]);
	for (const [name, paths] of files)
		await db.exec(
			`CREATE ${copy ? 'TABLE' : 'VIEW'} ${ident(name)} AS SELECT * FROM read_parquet([${paths.map(literal).join(', ')}])`
		);
}
