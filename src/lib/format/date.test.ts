import { describe, expect, it } from 'vitest';
import { formatDate } from './date';

describe('formatDate', () => {
	it.each([
		['2024-03-05', '2024年3月5日', '5 Mar 2024'],
		['2026-12-31', '2026年12月31日', '31 Dec 2026']
	])('%s → %s / %s', (day, zh, en) => {
		expect(formatDate(day, 'zh')).toBe(zh);
		expect(formatDate(day, 'en')).toBe(en);
	});

	it('reads a Date in local time, not UTC', () => {
		// 00:30 local is the previous day in UTC east of Greenwich: the printed day must not slip
		const d = new Date(2024, 0, 1, 0, 30);
		expect(formatDate(d, 'zh')).toBe('2024年1月1日');
		expect(formatDate(d, 'en')).toBe('1 Jan 2024');
	});

	it('gives back what is not a date unchanged', () => {
		expect(formatDate('unknown', 'zh')).toBe('unknown');
	});
});
