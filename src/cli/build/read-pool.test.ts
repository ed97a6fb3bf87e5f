import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpExtractSet } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { main } from '../main';
import { build } from './run';

/**
 * Reader threads take files in batches: with more files than a batch, both threads read and
 * their results must still arrive in file order, exactly as when one thread reads them all.
 */
let dir: string;
let input: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kaoping-pool-'));
	input = join(dir, 'raw');
	const { fx } = recordingEffects(new Date('2025-06-01T00:00:00Z'));
	const demo = ['demo', '--out', input, '--townships', '6', '--villages', '24', '--from', '2019-01', '--to', '2024-12'];
	expect(await main(demo, fx)).toBe(0);
	// a bad row in an early and in a late CSV: their findings must keep file order
	const csvs = readdirSync(join(input, 'reports'), { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.csv'))
		.sort();
	expect(csvs.length).toBeGreaterThan(16);
	for (const f of [csvs[1], csvs[csvs.length - 2]]) appendFileSync(join(input, 'reports', f), '\n990000000000,2024-01,,x\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading in batches on reader threads', () => {
	it('finds, rejects and publishes exactly what one thread does, in file order', async () => {
		const { fx } = recordingEffects(new Date('2025-06-01T00:00:00Z'));
		const run = (workers: number) =>
			build({ input, out: join(dir, `out-${workers}`), allowRejects: true, maxErrors: 50, lang: 'en', workers, today: '2025-06-01' }, fx);
		const inline = await run(0);
		const threaded = await run(2);
		expect(inline.inputs.filter((i) => i.path.startsWith('reports/')).length).toBeGreaterThan(16);
		expect(inline.issues.filter((i) => i.severity === 'error').length).toBeGreaterThanOrEqual(2);
		expect(threaded.issues).toEqual(inline.issues);
		expect(threaded.inputs).toEqual(inline.inputs);
		expect(threaded.rejectedRows).toBe(inline.rejectedRows);
		expect(threaded.manifest?.counts).toEqual(inline.manifest?.counts);
		const dump = async (workers: number) => (await dumpExtractSet(join(dir, `out-${workers}`))).tables;
		expect(await dump(2)).toEqual(await dump(0));
	});
});
