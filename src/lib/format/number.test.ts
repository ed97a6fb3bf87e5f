import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n';
import {
	formatChange,
	formatCount,
	formatIndicatorValue,
	formatMeasure,
	formatNumber,
	formatQuantity,
	formatYuan,
	formatAmount,
	formatScore,
	roundTo,
	formatBytes,
	type AmountKind
} from './number';

const percent = { unit: 'percent', decimals: 2 } as const;
const permille = { unit: 'permille', decimals: 2 } as const;
const ratio = { unit: 'ratio', decimals: 2 } as const;
const count = { unit: 'count', decimals: 0 } as const;

describe('formatNumber', () => {
	it.each([
		[20405, 0, '20,405'],
		[1234567.891, 2, '1,234,567.89'],
		[-1234.5, 1, '-1,234.5'],
		[-0.001, 2, '0.00'],
		[0, 2, '0.00'],
		[999.995, 2, '1,000.00'],
		[NaN, 2, '—']
	])('%s with %s decimals → %s', (n, d, text) => expect(formatNumber(n, d)).toBe(text));

	it.each([
		[20404.5, '20,404.5'],
		[164, '164'],
		[500.25, '500.25'],
		[null, '—']
	])('formatQuantity(%s) → %s', (n, text) => expect(formatQuantity(n)).toBe(text));
});

describe('formatIndicatorValue', () => {
	it.each<[number | null, Parameters<typeof formatIndicatorValue>[1], string]>([
		[92.4, percent, '92.40%'],
		[85.3658536, percent, '85.37%'],
		[100, percent, '100.00%'],
		[8.04, permille, '8.04‰'],
		[-1.2, permille, '-1.20‰'],
		[107.142857, ratio, '107.14'],
		[3, count, '3'],
		[1234, count, '1,234'],
		[null, percent, '—'],
		[Infinity, percent, '—']
	])('%s %o → %s (zh and en)', (v, ind, text) => {
		for (const lang of ['zh', 'en'] as Lang[])
			expect(formatIndicatorValue(v, ind, lang)).toBe(text);
	});
});

describe('formatChange', () => {
	it.each<[number | null, Parameters<typeof formatChange>[1], string, string]>([
		[1.2, percent, '+1.20个百分点', '+1.20 pp'],
		[-3.456, percent, '-3.46个百分点', '-3.46 pp'],
		[0, percent, '±0个百分点', '±0 pp'],
		[1e-15, percent, '±0个百分点', '±0 pp'],
		// not zero, only too small for two decimals: shown with the digits it needs
		[0.001, percent, '+0.001个百分点', '+0.001 pp'],
		[0.5, permille, '+0.50个千分点', '+0.50 ‰ points'],
		[-0.25, permille, '-0.25个千分点', '-0.25 ‰ points'],
		[2.14, ratio, '+2.1', '+2.1'],
		// the sex ratio 107.70 against 107.65: was "±0"
		[107.7 - 107.65, ratio, '+0.05', '+0.05'],
		[-0.04, ratio, '-0.04', '-0.04'],
		[0, ratio, '±0', '±0'],
		[2, count, '+2', '+2'],
		[-1, count, '-1', '-1'],
		[0, count, '±0', '±0'],
		[null, percent, '—', '—']
	])('%s %o → %s / %s', (d, ind, zh, en) => {
		expect(formatChange(d, ind, 'zh')).toBe(zh);
		expect(formatChange(d, ind, 'en')).toBe(en);
	});
});

describe('counts, measures and money', () => {
	it.each<[number | null, string]>([
		[20405, '20,405'],
		[7977, '7,977'],
		[0, '0'],
		[null, '—']
	])('formatCount(%s) → %s', (n, text) => {
		expect(formatCount(n, 'zh')).toBe(text);
		expect(formatCount(n, 'en')).toBe(text);
	});

	it.each<[number, Parameters<typeof formatMeasure>[1], string, string]>([
		[164, 'person', '164人', '164 people'],
		[1, 'person', '1人', '1 person'],
		[3, 'case', '3例', '3 cases'],
		[1, 'case', '1例', '1 case'],
		[142, 'couple', '142对', '142 couples'],
		[5, 'item', '5件', '5 items'],
		[20405, 'person', '20,405人', '20,405 people'],
		[2500.5, 'yuan', '2,500.50元', '2,500.50 yuan']
	])('formatMeasure(%s, %s) → %s / %s', (n, unit, zh, en) => {
		expect(formatMeasure(n, unit, 'zh')).toBe(zh);
		expect(formatMeasure(n, unit, 'en')).toBe(en);
	});

	it.each<[number | null, string, string]>([
		[2500.5, '2,500.50元', '2,500.50 yuan'],
		[2500, '2,500元', '2,500 yuan'],
		[0, '0元', '0 yuan'],
		[9999.99, '9,999.99元', '9,999.99 yuan'],
		[10000, '1.00万元', '1.00 10k yuan'],
		[541412, '54.14万元', '54.14 10k yuan'],
		[3980860, '398.09万元', '398.09 10k yuan'],
		[123456789, '1.23亿元', '1.23 100m yuan'],
		[-500, '-500元', '-500 yuan'],
		[null, '—', '—']
	])('formatYuan(%s) → %s / %s', (n, zh, en) => {
		expect(formatYuan(n, 'zh')).toBe(zh);
		expect(formatYuan(n, 'en')).toBe(en);
	});
});

describe('the counts behind a rate, scores and sizes', () => {
	it.each<[number | null, AmountKind, string, string]>([
		[3018, 'count', '3,018', '3,018'],
		// a mean population is an average of stocks: whole persons, never 369,391.5
		[369391.5, 'mean', '369,392', '369,392'],
		[20404.4, 'mean', '20,404', '20,404'],
		[3980860, 'money', '398.09万元', '398.09 10k yuan'],
		[18625.76, 'money', '1.86万元', '1.86 10k yuan'],
		[null, 'money', '—', '—']
	])('formatAmount(%s, %s) → %s / %s', (n, kind, zh, en) => {
		expect(formatAmount(n, kind, 'zh')).toBe(zh);
		expect(formatAmount(n, kind, 'en')).toBe(en);
	});

	it('scores keep two decimals; sizes are in KB or MB', () => {
		expect(formatScore(8.2)).toBe('8.20');
		expect(formatScore(1234.567)).toBe('1,234.57');
		expect(formatBytes(32_700_000)).toBe('32.7 MB');
		expect(formatBytes(4_100)).toBe('4.1 KB');
		expect(roundTo(92.40123456, 4)).toBe(92.4012);
	});
});
