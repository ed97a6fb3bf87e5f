import { describe, expect, it } from 'vitest';
import { monthIndex } from '../periods';
import {
	formatDateTime,
	formatMonth,
	formatMonthRange,
	formatPartial,
	formatPeriodAxis,
	formatPeriodKey
} from './period';

describe('months and period keys', () => {
	it.each([
		[monthIndex(2024, 3), '2024年3月', 'Mar 2024'],
		[monthIndex(2023, 12), '2023年12月', 'Dec 2023'],
		[monthIndex(2024, 1), '2024年1月', 'Jan 2024']
	])('formatMonth(%s) → %s / %s', (m, zh, en) => {
		expect(formatMonth(m, 'zh')).toBe(zh);
		expect(formatMonth(m, 'en')).toBe(en);
	});

	it.each([
		['2024', '2024年', '2024'],
		['2024H1', '2024年上半年', 'H1 2024'],
		['2024H2', '2024年下半年', 'H2 2024'],
		['2024Q1', '2024年第一季度', 'Q1 2024'],
		['2024Q4', '2024年第四季度', 'Q4 2024'],
		['2024-03', '2024年3月', 'Mar 2024'],
		['2024-05YTD', '2024年1-5月', 'Jan–May 2024'],
		['2024-01YTD', '2024年1月', 'Jan 2024'],
		// January to December is the year, written as the year everywhere
		['2024-12YTD', '2024年', '2024'],
		['not a period', 'not a period', 'not a period']
	])('%s → %s / %s, on an axis too', (key, zh, en) => {
		expect(formatPeriodKey(key, 'zh')).toBe(zh);
		expect(formatPeriodKey(key, 'en')).toBe(en);
		expect(formatPeriodAxis(key, 'zh')).toBe(zh);
		expect(formatPeriodAxis(key, 'en')).toBe(en);
	});

	it.each([
		[monthIndex(2019, 1), monthIndex(2024, 12), '2019年1月至2024年12月', 'Jan 2019 – Dec 2024'],
		[monthIndex(2024, 3), monthIndex(2024, 3), '2024年3月', 'Mar 2024']
	])('formatMonthRange(%s, %s) → %s / %s', (from, to, zh, en) => {
		expect(formatMonthRange(from, to, 'zh')).toBe(zh);
		expect(formatMonthRange(from, to, 'en')).toBe(en);
	});

	it('formatDateTime writes the local date and time in words', () => {
		const d = new Date(2026, 11, 3, 6, 29, 43);
		expect(formatDateTime(d, 'zh')).toBe('2026年12月3日 06:29');
		expect(formatDateTime(d, 'en')).toBe('3 Dec 2026 06:29');
	});
});

describe('formatPartial', () => {
	const y = (from: number, to: number, months: number, last: number) => ({
		period_from: monthIndex(2024, from),
		period_to: monthIndex(2024, to),
		months,
		last_month: monthIndex(2024, last)
	});

	it.each([
		['year with data to June', y(1, 12, 6, 6), '截至6月', 'to Jun'],
		['half-year to May', y(1, 6, 5, 5), '截至5月', 'to May'],
		['complete year', y(1, 12, 12, 12), '', ''],
		['complete month', y(3, 3, 1, 3), '', ''],
		['complete YTD', y(1, 5, 5, 5), '', ''],
		['a month missing inside', y(1, 6, 5, 6), '缺1个月数据', 'missing months: 1'],
		['no data at all', y(1, 6, 0, 6), '', '']
	])('%s', (_, row, zh, en) => {
		expect(formatPartial(row, 'zh')).toBe(zh);
		expect(formatPartial(row, 'en')).toBe(en);
	});
});
