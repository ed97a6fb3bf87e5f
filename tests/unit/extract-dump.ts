import { DuckDBInstance } from '@duckdb/node-api';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExtractSet } from '../../src/cli/extract-set';
import type { Provenance } from '../../src/lib/extract/schema';

/**
 * A content dump of a published extract set for golden files: every table's rows (dates and
 * decimals as text) and the manifest without what changes from run to run (time, hashes).
 */
export async function dumpExtractSet(dir: string) {
	const set = readExtractSet(dir);
	// in the order the tables are built, wherever the set lists them (villages: in their index)
	const order = ['units', 'village_month', 'township_month', 'county_month', 'tasks', 'incidents'];
	const extracts = [...set.extracts].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
	const manifest = { ...set, extracts };
	const provenance = JSON.parse(
		readFileSync(join(dir, manifest.provenance.file), 'utf8')
	) as Provenance;
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const tables: Record<string, unknown[]> = {};
	for (const e of manifest.extracts) {
		const key = e.township_code ? `${e.name}/${e.township_code}` : e.name;
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, e.file)}')`);
		tables[key] = reader.getRowObjectsJson();
	}
	conn.closeSync();
	db.closeSync();
	return {
		manifest: {
			schema_version: manifest.schema_version,
			counties: manifest.counties,
			periods: manifest.periods,
			counts: manifest.counts,
			villages: { files: manifest.villages.files, rows: manifest.villages.rows },
			extracts: manifest.extracts.map((e) => ({
				name: e.name,
				township_code: e.township_code,
				rows: e.rows
			})),
			inputs: provenance.inputs.map((i) => ({ path: i.path, rows: i.rows, encoding: i.encoding })),
			rejects: manifest.rejects,
			warnings: manifest.warnings
		},
		tables
	};
}

/** A scratch copy of a fixture input, with the files of `overlay` (if any) laid over it. */
export function fixtureCopy(base: string, overlay?: string): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'kaoping-fixture-'));
	cpSync(base, join(dir, 'input'), { recursive: true });
	if (overlay && existsSync(overlay)) cpSync(overlay, join(dir, 'input'), { recursive: true });
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
