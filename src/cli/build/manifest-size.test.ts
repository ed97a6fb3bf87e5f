import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../lib/connector/node';
import { rowsOf } from '../../lib/connector/types';
import type { Manifest, VillageIndex } from '../../lib/extract/schema';
import { recordingEffects } from '../effects';
import { openExtractSet, readExtractSet } from '../extract-set';
import { main } from '../main';

const scratch = mkdtempSync(join(tmpdir(), 'kaoping-manifest-size-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Generates and builds a demo set of `townships` townships, three villages each, one quarter. */
async function builtSet(townships: number): Promise<string> {
	const raw = join(scratch, `raw-${townships}`);
	const out = join(scratch, `out-${townships}`);
	const args = ['--townships', String(townships), '--villages', String(townships * 3)];
	for (const argv of [
		['demo', '--out', raw, ...args, '--from', '2024-01', '--to', '2024-03'],
		['build', '--input', raw, '--out', out, '--today', '2024-06-30']
	]) {
		const { fx, stderr } = recordingEffects();
		expect(await main(argv, fx), stderr()).toBe(0);
	}
	return out;
}

const manifestOf = (dir: string) =>
	JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('the manifest the browser reads first', () => {
	it('does not grow with the number of townships: their village files are in the index', async () => {
		const [small, large] = [await builtSet(4), await builtSet(120)];
		const bytes = (dir: string) => readFileSync(join(dir, 'manifest.json')).length;
		console.log(`manifest.json: ${bytes(small)} B for 4 townships, ${bytes(large)} B for 120`);
		// The same keys and files; only counts, hashes and dates differ, in their digits. The list
		// of counties grows with counties (the demo puts 19 townships in each; ~40 bytes a county).
		const withoutCounties = (dir: string) => JSON.stringify({ ...manifestOf(dir), counties: [] }).length;
		expect(Math.abs(withoutCounties(large) - withoutCounties(small))).toBeLessThan(40);

		const m = manifestOf(large);
		expect(m.extracts.filter((e) => e.name === 'village_month')).toEqual([]);
		const index = JSON.parse(readFileSync(join(large, m.villages.file), 'utf8')) as VillageIndex;
		expect(index.extracts).toHaveLength(120);
		expect(m.villages.files).toBe(120);
		expect(m.villages.rows).toBe(index.extracts.reduce((n, e) => n + e.rows, 0));
		// precompressed like every JSON of the set, for gzip_static
		expect(readFileSync(join(large, `${m.villages.file}.gz`)).length).toBeGreaterThan(0);

		// Node opens the set as before: village_month holds every township's rows
		const db = await createNodeConnector();
		try {
			const opened = await openExtractSet(db, large);
			expect(opened.extracts.filter((e) => e.name === 'village_month')).toHaveLength(120);
			const [{ n }] = rowsOf<{ n: number }>(
				await db.query('SELECT count(*)::INTEGER AS n FROM village_month')
			);
			expect(n).toBe(m.villages.rows);
		} finally {
			await db.close();
		}
	}, 120_000);

	it('refuses a village index whose bytes are not the ones the manifest lists', async () => {
		const dir = await builtSet(2);
		const m = manifestOf(dir);
		const path = join(dir, m.villages.file);
		writeFileSync(path, readFileSync(path, 'utf8').replace('"rows":', '"rows": '));
		expect(() => readExtractSet(dir)).toThrow(/sha256/);
	}, 60_000);
});
