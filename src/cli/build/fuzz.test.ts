import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanReport, keyOf, mutate, type Mutant, type Table } from '../../../tests/unit/report-mutations';
import { monthText, parseDay } from '../../lib/periods';
import { readConfigFiles } from '../config-files';
import { RULES, type Issue } from './issues';
import { readContext } from './read-context';
import type { ValidRow } from './report-row';
import { processReportBytes } from './reports';
import { readUnits } from './units';

/**
 * Fuzz test of report reading and validation: 2,000 seeded mutations of a valid report (bytes
 * flipped, rows cut, cells and columns moved, headers renamed, files dressed up), read
 * in-process by the same code the build runs. Each must either give the clean numbers (less the
 * rows it cut) or fail with located errors; a measure may only go missing with a warning that
 * says so. Never a crash, never a number that differs silently. See report-mutations.ts for why
 * the damaging bytes are what they are; fuzz-build.test.ts runs a sample through whole builds.
 */
const SEED = 20240310;
const MUTANTS = 2000;
const FILE = 'reports/fuzz.csv';
/** Findings about a whole file: no line or column to give. */
const FILE_LEVEL = new Set<Issue['rule']>(['file_unreadable', 'encoding_bom_mismatch', 'header_not_found']);

const { units } = readUnits(readFileSync('tests/fixtures/tiny/input/units.csv'), 'units.csv');
const ctx = readContext({ indicators: readConfigFiles().indicators, units: [...units.values()], today: parseDay('2025-01-15')!, lang: 'en' });
const villages = [...units.values()].filter((u) => u.level === 'village');
const fuzzClean: Table = cleanReport(ctx.catalog, villages, SEED);

interface Read {
	rows: Map<string, ValidRow>;
	issues: Issue[];
}

function readMutant(bytes: Uint8Array, format: Mutant['format']): Read {
	const rows = new Map<string, ValidRow>();
	const result = processReportBytes(bytes, { path: FILE, format }, 0, ctx, { append: (row) => void rows.set(`${row.unit.code}|${monthText(row.month)}`, row) }, { sha256: '', bytes: bytes.length });
	return { rows, issues: result.issues };
}

/** Measure ids a warning says this file does not report (missing column, empty column). */
function explained(issues: Issue[]): Set<string> {
	const ids = new Set<string>();
	for (const i of issues)
		if (i.rule === 'measure_missing' || i.rule === 'measure_blank')
			for (const m of `${i.detail ?? ''} ${i.column ?? ''}`.matchAll(/\(([a-z0-9_]+)\)/g)) ids.add(m[1]);
	return ids;
}

/** What is wrong with a mutant's outcome, or null when it keeps the promise. */
function verdict(clean: Read, mutant: Mutant, got: Read): string | null {
	const errors = got.issues.filter((i) => i.severity === 'error');
	for (const e of errors) {
		if (e.file !== FILE || !(e.rule in RULES)) return `unlocated error ${JSON.stringify(e)}`;
		if (e.line === null && e.column === null && !FILE_LEVEL.has(e.rule)) return `error without line or column ${JSON.stringify(e)}`;
	}
	const missing = explained(got.issues);
	for (const [key, row] of got.rows) {
		const want = clean.rows.get(key);
		if (!want || mutant.removed.has(key)) return `invented row ${key}`;
		if (row.submitted !== want.submitted) return `${key}: submitted ${row.submitted} ≠ ${want.submitted}`;
		for (const [k, m] of ctx.catalog.measures.entries())
			if (row.values[k] !== want.values[k] && !missing.has(m.id)) return `${key}: ${m.id} ${row.values[k]} ≠ ${want.values[k]} without a finding`;
	}
	if (errors.length === 0)
		for (const key of clean.rows.keys())
			if (!mutant.removed.has(key) && !got.rows.has(key)) return `${key} lost without an error`;
	return null;
}

describe('fuzzing the report reader', () => {
	const cleanCsv = readMutant(new TextEncoder().encode(fuzzClean.map((r) => r.join(',')).join('\n')), 'csv');

	it('reads the clean report completely', () => {
		expect(cleanCsv.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(cleanCsv.rows.size).toBe(fuzzClean.length - 1);
		expect([...cleanCsv.rows.keys()]).toEqual(fuzzClean.slice(1).map(keyOf));
	});

	it(`${MUTANTS} seeded mutations: the clean numbers or a located error, never a silent change`, () => {
		const failures: string[] = [];
		const outcomes: Record<string, { same: number; failed: number }> = {};
		let slowest = 0;
		for (let n = 0; n < MUTANTS; n++) {
			const mutant = mutate(fuzzClean, ctx.catalog, SEED, n);
			const started = performance.now();
			let got: Read;
			try {
				got = readMutant(mutant.bytes, mutant.format);
			} catch (e) {
				failures.push(`#${n} ${mutant.kind}: crashed: ${(e as Error).stack}`);
				continue;
			}
			slowest = Math.max(slowest, performance.now() - started);
			const wrong = verdict(cleanCsv, mutant, got);
			if (wrong) failures.push(`#${n} ${mutant.kind}: ${wrong}`);
			const tally = (outcomes[mutant.kind] ??= { same: 0, failed: 0 });
			if (got.issues.some((i) => i.severity === 'error')) tally.failed++;
			else tally.same++;
		}
		expect(failures.slice(0, 10)).toEqual([]);
		// Every kind of mutation was exercised, and the damaging ones were caught some of the time.
		expect(Object.keys(outcomes)).toHaveLength(16);
		for (const kind of ['csv-flip', 'csv-move-cell-out', 'xlsx-zip-flip', 'xlsx-xml-flip', 'xlsx-move-cell', 'xlsx-far-cell'])
			expect(outcomes[kind].failed, kind).toBeGreaterThan(0);
		for (const kind of ['csv-move-column', 'csv-rename', 'csv-dress', 'xlsx-move-column', 'xlsx-formula', 'csv-cut', 'xlsx-cut'])
			expect(outcomes[kind], kind).toEqual({ same: outcomes[kind].same, failed: 0 });
		expect(slowest).toBeLessThan(2000);
	}, 170_000);
});
