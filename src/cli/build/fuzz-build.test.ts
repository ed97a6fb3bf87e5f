import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpExtractSet, fixtureCopy } from '../../../tests/unit/extract-dump';
import { cleanReport, mutate } from '../../../tests/unit/report-mutations';
import { parseCatalog } from '../../lib/config/catalog';
import { readConfigFiles } from '../config-files';
import { recordingEffects } from '../effects';
import { sha256File } from './publish';
import { build } from './run';

/**
 * A sample of the fuzz mutants (one of each kind) through whole builds into an --out that
 * already holds the clean set: a build either publishes a complete set whose numbers are the
 * clean ones, or fails and leaves the previous set exactly as it was. Never a throw.
 */
const SEED = 20240310;
const catalog = parseCatalog(readConfigFiles().indicators.text);
const scratch = fixtureCopy('tests/fixtures/tiny/input');
afterAll(() => scratch.cleanup());
const out = join(scratch.dir, 'out');
// The same clean report as fuzz.test.ts: its seed, the tiny county's villages.
const villages = readFileSync(join(scratch.dir, 'input', 'units.csv'), 'utf8')
	.split('\n')
	.map((l) => l.split(','))
	.filter((f) => f[2] === 'village')
	.map(([code, name]) => ({ code, name }));
const fuzzClean = cleanReport(catalog, villages, SEED);

function inputWith(name: string, bytes: Uint8Array): string {
	const input = join(scratch.dir, 'case');
	rmSync(input, { recursive: true, force: true });
	mkdirSync(join(input, 'reports'), { recursive: true });
	cpSync(join(scratch.dir, 'input', 'units.csv'), join(input, 'units.csv'));
	writeFileSync(join(input, 'reports', name), bytes);
	return input;
}

function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true }))
			if (e.isDirectory()) walk(join(d, e.name));
			else files[join(d, e.name).slice(dir.length)] = sha256File(join(d, e.name));
	};
	walk(dir);
	return files;
}

type Row = Record<string, unknown>;
async function villageRows(dir: string): Promise<Map<string, Row>> {
	const { tables } = await dumpExtractSet(dir);
	const rows = Object.entries(tables).filter(([k]) => k.startsWith('village_month/')).flatMap(([, r]) => r as Row[]);
	return new Map(rows.filter((r) => r.reports_received === 1).map((r) => [`${r.code}|${String(r.period).slice(0, 7)}`, r]));
}

async function run(input: string) {
	const { fx } = recordingEffects();
	return build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx);
}

describe('fuzz mutants through whole builds', () => {
	it('publish the clean numbers completely or leave the previous set untouched', async () => {
		const clean = await run(inputWith('fuzz.csv', new TextEncoder().encode(fuzzClean.map((r) => r.join(',')).join('\n'))));
		expect(clean.published).toBe(true);
		const cleanRows = await villageRows(out);
		expect(cleanRows.size).toBe(fuzzClean.length - 1);
		let published = 0;
		for (let n = 5; n < 5 + 16; n++) {
			const mutant = mutate(fuzzClean, catalog, SEED, n);
			const before = snapshot(out);
			const result = await run(inputWith(`fuzz.${mutant.format}`, mutant.bytes));
			const where = `#${n} ${mutant.kind}`;
			if (!result.published) {
				expect(snapshot(out), where).toEqual(before);
				continue;
			}
			published++;
			const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { extracts: { file: string; sha256: string }[] };
			for (const e of manifest.extracts) expect(sha256File(join(out, e.file)), `${where} ${e.file}`).toBe(e.sha256);
			const missing = new Set(result.issues.filter((i) => i.rule === 'measure_missing' || i.rule === 'measure_blank').flatMap((i) => [...`${i.detail} ${i.column}`.matchAll(/\(([a-z0-9_]+)\)/g)].map((m) => m[1])));
			const rows = await villageRows(out);
			for (const [key, row] of rows) {
				const want = cleanRows.get(key);
				expect(want, `${where} ${key}`).toBeDefined();
				expect(mutant.removed.has(key), `${where} ${key}`).toBe(false);
				for (const m of catalog.measures)
					if (!missing.has(m.id)) expect(row[m.id], `${where} ${key} ${m.id}`).toEqual(want![m.id]);
			}
			expect(rows.size + mutant.removed.size, where).toBe(cleanRows.size);
		}
		expect(published).toBeGreaterThan(0);
		expect(published).toBeLessThan(16);
	}, 170_000);
});
