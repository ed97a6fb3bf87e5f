import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCopy } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { recoverPublish } from './publish';
import { build } from './run';

/**
 * A power loss between the two renames of the publish: a child process runs the build and is
 * killed (SIGKILL, no cleanup) at a chosen rename; the next build must find a complete set.
 */
let scratch: ReturnType<typeof fixtureCopy>;
let temp: string;
let savedTmp: string | undefined;

beforeEach(() => {
	scratch = fixtureCopy('tests/fixtures/tiny/input');
	temp = join(scratch.dir, 'tmp');
	mkdirSync(temp);
	// this process's and the child's temp folder: the leftovers are ours to look at
	savedTmp = process.env.TMPDIR;
	process.env.TMPDIR = temp;
});
afterEach(() => {
	if (savedTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = savedTmp;
	scratch.cleanup();
});

const input = () => join(scratch.dir, 'input');
const out = () => join(scratch.dir, 'out');
const reports = () => JSON.parse(readFileSync(join(out(), 'manifest.json'), 'utf8')).counts.reports;
const leftovers = () => readdirSync(scratch.dir).filter((n) => n.startsWith('.out'));

function buildAndDieAt(rename: number) {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', 'tests/unit/publish-crash.ts', input(), out(), String(rename)],
		{ encoding: 'utf8', env: { ...process.env, TMPDIR: temp } }
	);
	expect(r.signal, r.stderr).toBe('SIGKILL');
}

async function buildAgain() {
	const { fx, stderr } = recordingEffects();
	const result = await build(
		{ input: input(), out: out(), allowRejects: false, maxErrors: 5, lang: 'en' },
		fx
	);
	return { result, stderr: stderr() };
}

/** One more report, so the new set differs from the old. */
function addReport() {
	writeFileSync(
		join(input(), 'reports', 'late.csv'),
		'code,period,submitted_on,pop_total\n990999002201,2023-05,2023-06-01,900\n'
	);
}

describe('publishing survives a power loss', () => {
	it('between the two renames: the next build finishes the swap with the new set and cleans up', async () => {
		await buildAgain();
		const before = reports();
		addReport();
		buildAndDieAt(2); // old set moved aside, new set not yet in
		expect(existsSync(out())).toBe(false);
		expect(leftovers().some((n) => n.endsWith('.publish.json'))).toBe(true);
		expect(readdirSync(temp).some((n) => n.startsWith('kaoping-build-'))).toBe(true);

		const { result, stderr } = await buildAgain();
		expect(stderr).toContain('the swap is finished');
		expect(stderr).toMatch(/Removed \d+ temporary folder/);
		expect(result.published).toBe(true);
		expect(reports()).toBe(before + 1);
		expect(leftovers()).toEqual([]);
		expect(readdirSync(temp).filter((n) => n.startsWith('kaoping-build-'))).toEqual([]);
	});

	it('before the first rename: the old set stays, the dead staging folder goes', async () => {
		await buildAgain();
		const before = reports();
		addReport();
		buildAndDieAt(1);
		expect(reports()).toBe(before); // the site still has its data
		expect(leftovers().length).toBeGreaterThan(0);
		const { stderr } = await buildAgain();
		expect(stderr).not.toContain('interrupted while swapping');
		expect(reports()).toBe(before + 1);
		expect(leftovers()).toEqual([]);
	});

	it('puts the old set back when the new one is incomplete', async () => {
		await buildAgain();
		const before = reports();
		addReport();
		buildAndDieAt(2);
		// the staging set lost its manifest (it was never complete): roll back instead
		const staging = leftovers().find((n) => /\.tmp-\d+-[0-9a-f]+$/.test(n))!;
		rmSync(join(scratch.dir, staging, 'manifest.json'));
		expect(recoverPublish(out(), temp).restored).toBe('old');
		expect(reports()).toBe(before);
	});

	it('leaves alone the staging folder of a build still running', async () => {
		const live = join(scratch.dir, `.out.tmp-${process.pid}-abcd1234`);
		mkdirSync(live);
		await buildAgain();
		expect(existsSync(live)).toBe(true);
	});
});
