import { describe, expect, it } from 'vitest';
import {
	monthIndex,
	parseDay,
	parsePeriod,
	parseReportMonth,
	periodContaining,
	previousPeriod,
	samePeriodLastYear,
	dayText
} from './periods';

describe('parsePeriod', () => {
	const cases: [string, string | null, number?, number?][] = [
		['2024', 'year', monthIndex(2024, 1), monthIndex(2024, 12)],
		['2024H1', 'half', monthIndex(2024, 1), monthIndex(2024, 6)],
		['2024h2', 'half', monthIndex(2024, 7), monthIndex(2024, 12)],
		['2024Q2', 'quarter', monthIndex(2024, 4), monthIndex(2024, 6)],
		['2024-05', 'month', monthIndex(2024, 5), monthIndex(2024, 5)],
		['2024-05YTD', 'ytd', monthIndex(2024, 1), monthIndex(2024, 5)],
		['2024-13', null],
		['2024Q5', null],
		['24', null]
	];
	it.each(cases)('%s', (text, kind, from, to) => {
		const p = parsePeriod(text);
		if (kind === null) return expect(p).toBeNull();
		expect(p).toMatchObject({ kind, from, to });
		expect(parsePeriod(p!.text)).toEqual(p);
	});

	it('shifts to the same period last year and the previous period', () => {
		expect(samePeriodLastYear(parsePeriod('2024Q2')!).text).toBe('2023Q2');
		expect(samePeriodLastYear(parsePeriod('2024-05YTD')!).text).toBe('2023-05YTD');
		expect(previousPeriod(parsePeriod('2024Q1')!).text).toBe('2023Q4');
		expect(previousPeriod(parsePeriod('2024-01')!).text).toBe('2023-12');
		expect(previousPeriod(parsePeriod('2024H2')!).text).toBe('2024H1');
		expect(periodContaining('quarter', monthIndex(2024, 8)).text).toBe('2024Q3');
	});
});

describe('parseReportMonth', () => {
	const cases: [string, number | null][] = [
		['2024-03', monthIndex(2024, 3)],
		['2024-3', monthIndex(2024, 3)],
		['2024/03', monthIndex(2024, 3)],
		['2024.3', monthIndex(2024, 3)],
		['202403', monthIndex(2024, 3)],
		['2024年3月', monthIndex(2024, 3)],
		['2024 年 12 月', monthIndex(2024, 12)],
		['２０２４年３月', monthIndex(2024, 3)],
		['2024-13', null],
		['2024年0月', null],
		['三月', null],
		['', null]
	];
	it.each(cases)('%s', (text, expected) => expect(parseReportMonth(text)).toBe(expected));
});

describe('parseDay', () => {
	const cases: [string, string | null][] = [
		['2024-04-02', '2024-04-02'],
		['2024/4/2', '2024-04-02'],
		['20240402', '2024-04-02'],
		['2024年4月2日', '2024-04-02'],
		['2024-02-29', '2024-02-29'],
		['2023-02-29', null],
		['2024-04-31', null],
		['4/2/2024', null]
	];
	it.each(cases)('%s', (text, expected) => {
		const d = parseDay(text);
		expect(d === null ? null : dayText(d)).toBe(expected);
	});
});
