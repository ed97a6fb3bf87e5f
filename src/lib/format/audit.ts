import type { Lang } from '../i18n';

/**
 * Forms that must never reach a page: each is what an ad-hoc formatting call used to write
 * instead of this module. The browser tests run every page's visible text through
 * `formatProblems`, so a new page that formats on its own is caught.
 */
interface Rule {
	name: string;
	pattern: RegExp;
	langs: readonly Lang[];
}

const both: readonly Lang[] = ['zh', 'en'];
const months = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';

const rules: Rule[] = [
	{ name: 'compact quarter (2019Q1)', pattern: /\b\d{4}Q[1-4]\b/g, langs: both },
	{ name: 'compact half-year (2024H1)', pattern: /\b\d{4}H[12]\b/g, langs: both },
	{
		name: 'compact month (2019-01)',
		// a full date 2026-12-03 or a file name is not a period
		pattern: /(?<![\d/-])\d{4}-(?:0[1-9]|1[0-2])(?![\d-])/g,
		langs: both
	},
	{
		name: 'January to December written as a YTD',
		pattern: /\d{4}年1-12月|Jan–Dec \d{4}/g,
		langs: both
	},
	{
		name: 'a change that is not zero written as ±0',
		pattern: /±0[.,]\d*[1-9]/g,
		langs: both
	},
	{
		// counts are whole, rates carry % or ‰, money carries 元/yuan: a grouped figure with
		// decimals and no unit is raw money or a mean population (364,957.5)
		name: 'grouped figure with decimals and no unit',
		pattern: /\d{1,3}(?:,\d{3})+\.\d+(?![\d%‰]|\s*(?:万元|亿元|元|10k yuan|100m yuan|yuan|MB|KB))/g,
		langs: both
	},
	{ name: 'full-width bracket in English', pattern: /[（）]/g, langs: ['en'] },
	{ name: 'full-width semicolon in English', pattern: /；/g, langs: ['en'] },
	{ name: 'Chinese date in English', pattern: /\d\s?[年月日]/g, langs: ['en'] },
	{
		name: 'English period in Chinese',
		pattern: new RegExp(`\\b(?:Q[1-4]|H[12]|${months}) \\d{4}\\b`, 'g'),
		langs: ['zh']
	},
	{ name: 'CNY prefix (money is 元/万元, yuan/10k yuan)', pattern: /CNY\s?\d/g, langs: both }
];

export interface FormatProblem {
	rule: string;
	/** The offending text with a little context around it. */
	excerpt: string;
}

/** Every place in `text` written in a form the format module never produces. */
export function formatProblems(text: string, lang: Lang): FormatProblem[] {
	const out: FormatProblem[] = [];
	for (const rule of rules) {
		if (!rule.langs.includes(lang)) continue;
		for (const m of text.matchAll(rule.pattern)) {
			const at = m.index ?? 0;
			const excerpt = text.slice(Math.max(0, at - 12), at + m[0].length + 12).replace(/\s+/g, ' ');
			out.push({ rule: rule.name, excerpt });
		}
	}
	return out;
}
