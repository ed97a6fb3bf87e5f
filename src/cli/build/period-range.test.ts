import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../lib/periods';
import { strayMonths } from './period-range';

const m = (text: string) => monthIndex(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
const counts = (...pairs: [string, number][]) => pairs.map(([t, rows]) => ({ month: m(t), rows }));
/** Every month from `from` to `to`, 300 reports each. */
const run = (from: string, to: string) =>
	Array.from({ length: m(to) - m(from) + 1 }, (_, i) => ({ month: m(from) + i, rows: 300 }));

describe('strayMonths', () => {
	it('keeps one run of reports whole, however long', () => {
		expect(strayMonths(run('2015-01', '2024-12'))).toEqual([]);
		// a gap of a year inside the run (a county that lost a year of files) does not split it
		expect(strayMonths([...run('2015-01', '2019-12'), ...run('2021-01', '2024-12')])).toEqual([]);
		expect(strayMonths([])).toEqual([]);
	});

	it('finds a mistyped year far before or after the reports', () => {
		const reports = run('2023-01', '2024-12');
		expect(strayMonths([...reports, ...counts(['2004-03', 1])])).toEqual([m('2004-03')]);
		expect(strayMonths([...reports, ...counts(['2027-03', 2])])).toEqual([m('2027-03')]);
	});

	it('splits only after more than twelve months without any report', () => {
		// 2023-12 → 2025-01: twelve empty months between, still one run
		expect(strayMonths(counts(['2023-12', 300], ['2025-01', 1]))).toEqual([]);
		// 2023-12 → 2025-02: thirteen empty months
		expect(strayMonths(counts(['2023-12', 300], ['2025-02', 1]))).toEqual([m('2025-02')]);
	});

	it('keeps the run with the most rows, the later one on a tie', () => {
		expect(strayMonths(counts(['2010-01', 5], ['2020-01', 5]))).toEqual([m('2010-01')]);
		expect(strayMonths(counts(['2010-01', 6], ['2020-01', 5]))).toEqual([m('2020-01')]);
	});
});
