import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordingEffects } from '../effects';
import { main } from '../main';

const root = mkdtempSync(join(tmpdir(), 'kaoping-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SMALL = ['--townships', '3', '--villages', '30', '--from', '2023-01', '--to', '2024-12'];

async function demo(dir: string, ...extra: string[]) {
	const rec = recordingEffects();
	const code = await main(['demo', '--out', dir, ...SMALL, ...extra], rec.fx);
	return { code, stdout: rec.stdout(), stderr: rec.stderr() };
}

/** sha256 of every file under dir, by relative path. */
function hashes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const entry of readdirSync(d).sort()) {
			const path = join(d, entry);
			if (statSync(path).isDirectory()) walk(path);
			else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
		}
	};
	walk(dir);
	return out;
}

describe('kaoping demo', () => {
	it('writes units, tasks, incidents and one report file per township and year', async () => {
		const dir = join(root, 'basic');
		const { code, stdout, stderr } = await demo(dir);
		expect(code, stderr).toBe(0);
		expect(readdirSync(dir).sort()).toEqual(['incidents.csv', 'reports', 'tasks.csv', 'units.csv']);
		expect(readdirSync(join(dir, 'reports'))).toEqual(['2023', '2024']);
		for (const year of ['2023', '2024']) {
			const files = readdirSync(join(dir, 'reports', year));
			expect(files).toHaveLength(3);
			for (const f of files)
				expect(f).toMatch(/^990101\d{3}_[\u4e00-\u9fff]+(镇|乡|街道)\.(csv|xlsx)$/);
		}
		expect(stdout).toMatch(/1 county, 3 townships, 30 villages/);
		expect(stdout).toMatch(/in 6 files: 2 XLSX, 2 GBK CSV, 2 UTF-8 CSV/);
		expect(stdout).toMatch(/elapsed/);
		expect(stderr).toMatch(/demo 100% \(6\/6\)/);
	});

	it('writes byte-identical files for the same arguments, different ones for another seed', async () => {
		const [a, b, c] = ['same-a', 'same-b', 'other-seed'].map((d) => join(root, d));
		expect((await demo(a)).code).toBe(0);
		expect((await demo(b)).code).toBe(0);
		expect((await demo(c, '--seed', '2')).code).toBe(0);
		const ha = hashes(a);
		expect(Object.keys(ha).length).toBe(9);
		expect(hashes(b)).toEqual(ha);
		const hc = hashes(c);
		const same = Object.keys(ha).filter((k) => hc[k] === ha[k]);
		expect(same).toEqual([]);
	});

	it('replaces a previous demo output, leaving no stale year behind', async () => {
		const dir = join(root, 'again');
		expect((await demo(dir, '--from', '2022-01')).code).toBe(0);
		expect(existsSync(join(dir, 'reports', '2022'))).toBe(true);
		expect((await demo(dir)).code).toBe(0);
		expect(readdirSync(join(dir, 'reports'))).toEqual(['2023', '2024']);
	});

	it('draws a single updating progress line on a terminal', async () => {
		const rec = recordingEffects();
		const fx = { ...rec.fx, isTTY: true };
		expect(await main(['demo', '--out', join(root, 'tty'), ...SMALL], fx)).toBe(0);
		expect(rec.stderr()).toContain('\r');
		expect(rec.stderr().trimEnd().split('\n')).toHaveLength(1);
	});

	const bad: [string, string[], number, RegExp][] = [
		['a month 13', ['--from', '2024-13'], 2, /--from must be a month written YYYY-MM/],
		['a month that is not a month', ['--to', 'soon'], 2, /--to must be a month/],
		['zero townships', ['--townships', '0'], 2, /--townships must be a whole number ≥ 1/],
		[
			'fewer villages than townships',
			['--villages', '2'],
			2,
			/--villages \(2\) must be at least --townships \(3\)/
		],
		[
			'a range running backwards',
			['--from', '2024-05', '--to', '2024-01'],
			2,
			/--from 2024-05 is after --to 2024-01/
		],
		['a negative seed', ['--seed', '-1'], 2, /--seed/],
		['an unknown option', ['--county', '3'], 2, /unknown option --county/]
	];
	it.each(bad)('refuses %s with a usage error', async (_case, args, exit, message) => {
		const { code, stderr } = await demo(join(root, 'bad'), ...args);
		expect(code).toBe(exit);
		expect(stderr).toMatch(message);
		expect(stderr).toMatch(/usage: kaoping demo --out DIR/);
	});

	it('requires --out', async () => {
		const rec = recordingEffects();
		expect(await main(['demo'], rec.fx)).toBe(2);
		expect(rec.stderr()).toMatch(/--out is required/);
	});

	it('refuses to write into a directory holding other files, and leaves them alone', async () => {
		const dir = join(root, 'foreign');
		mkdirSync(dir);
		writeFileSync(join(dir, '2024年报.xlsx'), 'mine');
		const { code, stderr } = await demo(dir);
		expect(code).toBe(1);
		expect(stderr).toMatch(/not empty and does not look like demo output.*2024年报\.xlsx/);
		expect(readdirSync(dir)).toEqual(['2024年报.xlsx']);
	});

	it('builds with zero rejected rows', async () => {
		const dir = join(root, 'to-build');
		expect((await demo(dir)).code).toBe(0);
		// The builder rejects submission dates after "today"; December's late reports arrive in 2025.
		const rec = recordingEffects(new Date('2025-06-01T00:00:00Z'));
		const code = await main(['build', '--input', dir, '--out', join(root, 'built')], rec.fx);
		expect(code, rec.stderr()).toBe(0);
		expect(rec.stderr()).not.toMatch(/error|错误/i);
	});
});
