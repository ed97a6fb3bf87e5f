import { describe, expect, it } from 'vitest';
import { monthIndex } from '../periods';
import { formatProblems } from './audit';
import { formatAmount, formatChange, formatYuan } from './number';
import { formatMonthRange, formatPeriodKey } from './period';
import { paren } from './text';

const rules = (text: string, lang: 'zh' | 'en') => formatProblems(text, lang).map((p) => p.rule);
const sexRatio = { unit: 'ratio' as const, decimals: 2 };

describe('formatProblems', () => {
	// what the pages wrote before the one formatting module, as reported in issue 9
	it.each([
		['2019Q1 政策符合率', 'zh', 'compact quarter (2019Q1)'],
		['上期（2024H1）黄牌未摘', 'zh', 'compact half-year (2024H1)'],
		['南峪县 · 2019-01 至 2024-12 · 19 个乡镇', 'zh', 'compact month (2019-01)'],
		['南峪县 · 2024年1-12月', 'zh', 'January to December written as a YTD'],
		['vs same period last year ±0.05', 'en', 'a change that is not zero written as ±0'],
		['Fee collected 18,625.76 / 17,300', 'en', 'grouped figure with decimals and no unit'],
		['mean total population 364,957.5', 'en', 'grouped figure with decimals and no unit'],
		['-0.33 pp （89.09%）', 'en', 'full-width bracket in English'],
		['a → black card；b → yellow card', 'en', 'full-width semicolon in English'],
		['Carded units · 2024年', 'en', 'Chinese date in English'],
		['南峪县 · Q1 2019', 'zh', 'English period in Chinese'],
		['collected CNY 3,980,860', 'en', 'CNY prefix (money is 元/万元, yuan/10k yuan)']
	] as const)('%s (%s) → %s', (text, lang, rule) => {
		expect(rules(text, lang)).toContain(rule);
	});

	it('passes what the format module writes, in both languages', () => {
		for (const lang of ['zh', 'en'] as const) {
			const text = [
				formatPeriodKey('2019Q1', lang),
				formatPeriodKey('2024H1', lang),
				formatPeriodKey('2024-12YTD', lang),
				formatPeriodKey('2024-06YTD', lang),
				formatMonthRange(monthIndex(2019, 1), monthIndex(2024, 12), lang),
				formatChange(107.7 - 107.65, sexRatio, lang),
				formatChange(0, sexRatio, lang),
				formatYuan(18625.76, lang),
				formatYuan(2500.5, lang),
				formatAmount(364957.5, 'mean', lang),
				`-0.33 pp${paren('89.09%', lang)}`,
				'数据生成于 2026-12-03 06:29 · village_month/990101001-3f2a.parquet · 32.7 MB'
			].join(' · ');
			expect(formatProblems(text, lang)).toEqual([]);
		}
	});

	it('quotes the offending text with its context', () => {
		expect(formatProblems('龙溪镇 2019Q1 政策符合率', 'zh')).toEqual([
			{ rule: 'compact quarter (2019Q1)', excerpt: '龙溪镇 2019Q1 政策符合率' }
		]);
	});
});
