import type { BulletinTemplates } from '../config/bulletin-templates';
import { fillTemplate } from '../config/bulletin-templates';
import type { Indicator } from '../config/catalog-schema';
import type { Scoring } from '../config/scheme';
import { formatDistance, formatIndicatorValue, formatNumber, formatQuantity } from '../format';
import type { Lang } from '../i18n';
import type { IndicatorRow } from '../query/types';
import { yearOnYear } from './coverage';
import { targetOf } from './tiles';

/** One indicator of the county in the lead paragraph. */
export interface LeadInput {
	indicator: Indicator;
	scoring: Scoring;
	current: IndicatorRow | null;
	/** The same period last year. */
	lastYear: IndicatorRow | null;
	/** The catalog's coverage_threshold: an incomplete year is not compared. */
	threshold: number;
}

export type Trend = 'rising' | 'falling' | 'unchanged' | 'no_last_year' | 'not_comparable';
export type Standing = 'above' | 'below' | 'equal' | 'in_band';

/** A difference too small to show at the indicator's decimals reads as none: the reader sees
 * two equal numbers, so "上升 0.00 个百分点" would contradict the page. */
const showsAsZero = (delta: number, decimals: number) =>
	!/[1-9]/.test(formatNumber(Math.abs(delta), decimals));

export function trendOf(input: LeadInput): { trend: Trend; delta: number | null } {
	const yoy = yearOnYear(input.current, input.lastYear, input.threshold);
	if (!yoy || 'none' in yoy)
		return { trend: yoy?.none === 'noLastYear' ? 'no_last_year' : 'not_comparable', delta: null };
	if (showsAsZero(yoy.change, input.indicator.decimals)) return { trend: 'unchanged', delta: 0 };
	return { trend: yoy.change > 0 ? 'rising' : 'falling', delta: yoy.change };
}

/** Where the value stands against the scheme's target, in value terms (above = larger). */
export function standingOf(
	value: number,
	scoring: Scoring,
	decimals: number
): { standing: Standing; gap: number; target: number | [number, number] } {
	const t = targetOf(scoring);
	if (t.kind === 'band') {
		const target: [number, number] = [t.low, t.high];
		if (value < t.low && !showsAsZero(t.low - value, decimals))
			return { standing: 'below', gap: t.low - value, target };
		if (value > t.high && !showsAsZero(value - t.high, decimals))
			return { standing: 'above', gap: value - t.high, target };
		return { standing: 'in_band', gap: 0, target };
	}
	const target = t.kind === 'zero' ? 0 : t.value;
	const gap = value - target;
	if (showsAsZero(gap, decimals)) return { standing: 'equal', gap: 0, target };
	return { standing: gap > 0 ? 'above' : 'below', gap: Math.abs(gap), target };
}

/**
 * "全县政策符合率 88.76%，同比下降 0.33 个百分点，低于目标 1.24 个百分点。" from the scheme's
 * templates; null when the county has no value for the period (nothing to say).
 */
export function leadSentence(
	templates: BulletinTemplates,
	input: LeadInput,
	lang: Lang
): string | null {
	const value = input.current?.value ?? null;
	if (value === null) return null;
	const ind = input.indicator;
	const { trend, delta } = trendOf(input);
	const change = fillTemplate(templates.change[trend][lang], {
		change: delta === null ? '' : formatDistance(delta, ind, lang)
	});
	const { standing, gap, target } = standingOf(value, input.scoring, ind.decimals);
	const targetText = Array.isArray(target)
		? `${formatQuantity(target[0])}–${formatQuantity(target[1])}`
		: formatIndicatorValue(target, ind, lang);
	const targetSentence = fillTemplate(templates.target[standing][lang], {
		gap: formatDistance(gap, ind, lang),
		target: targetText,
		low: Array.isArray(target) ? formatQuantity(target[0]) : '',
		high: Array.isArray(target) ? formatQuantity(target[1]) : ''
	});
	return fillTemplate(templates.lead[lang], {
		indicator: ind.name[lang],
		value: formatIndicatorValue(value, ind, lang),
		change,
		target: targetSentence
	});
}
