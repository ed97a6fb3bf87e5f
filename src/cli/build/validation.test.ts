import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpExtractSet, fixtureCopy } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { compareIssues, type Issue } from './issues';
import { build } from './run';

/**
 * One fixture per validation rule: tests/fixtures/invalid/<case>/overlay is laid over the tiny
 * county's input and expected.json lists exactly the errors the build must report.
 */
interface Expected {
	published: boolean;
	errors: (Pick<Issue, 'file' | 'line' | 'column' | 'rule'> & { detail_contains?: string })[];
	warnings?: Pick<Issue, 'file' | 'line' | 'column' | 'rule'>[];
	/** Rows read per input file (only the files listed), from the published manifest. */
	inputs?: { path: string; rows: number }[];
	/** Published village-month cells: `code` and `period` (YYYY-MM) pick the row. */
	values?: ({ code: string; period: string } & Record<string, number | string | null>)[];
}

const root = 'tests/fixtures/invalid';
const cases = readdirSync(root).sort();

async function runCase(name: string, allowRejects = false) {
	const scratch = fixtureCopy('tests/fixtures/tiny/input', join(root, name, 'overlay'));
	const { fx, stderr } = recordingEffects();
	const out = join(scratch.dir, 'out');
	try {
		const result = await build(
			{ input: join(scratch.dir, 'input'), out, allowRejects, maxErrors: 50, lang: 'en' },
			fx
		);
		const published = existsSync(join(out, 'manifest.json'));
		const villageRows = published ? Object.entries((await dumpExtractSet(out)).tables).filter(([k]) => k.startsWith('village_month/')).flatMap(([, rows]) => rows as Record<string, unknown>[]) : [];
		return { result, stderr: stderr(), published, villageRows };
	} finally {
		scratch.cleanup();
	}
}

const pick = (i: Issue) => ({ file: i.file, line: i.line, column: i.column, rule: i.rule });

describe('each validation rule has a fixture that breaks it', () => {
	it('covers at least every rule the issue names', () => {
		expect(cases.length).toBeGreaterThanOrEqual(27);
	});

	it.each(cases)('%s', async (name) => {
		const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
		const { result, stderr, published, villageRows } = await runCase(name);
		expect(result.published, stderr).toBe(expected.published);
		expect(published).toBe(expected.published);
		const errors = result.issues.filter((i) => i.severity === 'error').sort(compareIssues);
		expect(errors.map(pick)).toEqual(expected.errors.map(({ detail_contains: _d, ...e }) => e));
		expected.errors.forEach((e, k) => {
			if (e.detail_contains) expect(errors[k].detail).toContain(e.detail_contains);
		});
		if (expected.warnings)
			expect(result.issues.filter((i) => i.severity === 'warning').sort(compareIssues).map(pick)).toEqual(expected.warnings);
		for (const want of expected.inputs ?? [])
			expect(result.inputs.find((i) => i.path === want.path)?.rows, want.path).toBe(want.rows);
		for (const { code, period, ...cells } of expected.values ?? []) {
			const row = villageRows.find((r) => r.code === code && r.period === `${period}-01`);
			expect(row, `${code} ${period}`).toBeDefined();
			for (const [k, v] of Object.entries(cells)) expect(row![k], `${code} ${period} ${k}`).toBe(v);
		}
		for (const e of errors) expect(stderr).toContain(`${e.file}${e.line === null ? '' : `:${e.line}`}: error:`);
	});
});
