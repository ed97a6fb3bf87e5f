import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpExtractSet, fixtureCopy } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { build } from './run';
import { defaultConfig } from '../config-files';
import { openDuckDB } from '../../lib/connector/node-duckdb';
import {
	incidentColumns,
	taskColumns,
	unitColumns,
	unitMonthColumns,
	villageMonthColumns,
	type ColumnDef
} from '../../lib/extract/schema';

/**
 * Golden files: tests/fixtures/<case>/input is a raw input directory, expected.json the dump of
 * the extract set it must publish. UPDATE_GOLDEN=1 rewrites expected.json (review the diff!).
 */
const cases = ['tiny'];

describe('golden extract sets', () => {
	it.each(cases)('%s publishes exactly the expected extracts', async (name) => {
		const root = join('tests/fixtures', name);
		const scratch = fixtureCopy(join(root, 'input'));
		try {
			const out = join(scratch.dir, 'out');
			const { fx, stderr } = recordingEffects();
			const result = await build(
				{ input: join(scratch.dir, 'input'), out, allowRejects: false, maxErrors: 50, lang: 'en' },
				fx
			);
			expect(result.published, stderr()).toBe(true);
			const dump = await dumpExtractSet(out);
			const expectedPath = join(root, 'expected.json');
			if (process.env.UPDATE_GOLDEN)
				writeFileSync(expectedPath, JSON.stringify(dump, null, '\t') + '\n');
			expect(existsSync(expectedPath), `${expectedPath} missing: run with UPDATE_GOLDEN=1`).toBe(true);
			expect(dump).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
		} finally {
			scratch.cleanup();
		}
	});
});

describe('the extract schema contract', () => {
	it('is exactly what the build publishes: every table, column and type, in order', async () => {
		const scratch = fixtureCopy('tests/fixtures/tiny/input');
		try {
			const out = join(scratch.dir, 'out');
			const { fx } = recordingEffects();
			await build({ input: join(scratch.dir, 'input'), out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx);
			const { catalog } = defaultConfig();
			const contract: Record<string, ColumnDef[]> = {
				units: unitColumns,
				village_month: villageMonthColumns(catalog),
				township_month: unitMonthColumns(catalog),
				county_month: unitMonthColumns(catalog),
				tasks: taskColumns,
				incidents: incidentColumns
			};
			const db = await openDuckDB();
			const conn = await db.connect();
			try {
				for (const [table, columns] of Object.entries(contract)) {
					const files = readdirSync(join(out, table === 'village_month' ? 'village_month' : '.'))
						.filter((f) => f.startsWith(table === 'village_month' ? '' : `${table}-`) && f.endsWith('.parquet'));
					const path = join(out, table === 'village_month' ? 'village_month' : '', files[0]);
					const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS();
					expect(described.map((r) => `${r.column_name} ${r.column_type}`), table).toEqual(columns.map((c) => `${c.name} ${c.type}`));
				}
			} finally {
				conn.closeSync();
				db.closeSync();
			}
		} finally {
			scratch.cleanup();
		}
	});
});
