import type { Scheme } from '../config/scheme';
import { monthOf, parsePeriod, periodContaining, type Period } from '../periods';

export interface SchemeChoice {
	scheme: Scheme;
	/** Set when the period's year has no scheme of its own and another year's is used. */
	note: { zh: string; en: string } | null;
}

/**
 * The scheme that judges a period: its year's own; else — the same rule as the site's
 * `schemeFor` — the latest earlier one (a scheme carries over until replaced), else for years
 * before any scheme the earliest. A borrowed scheme is said so in `note`.
 */
export function schemeForPeriod(
	schemes: ReadonlyMap<number, Scheme>,
	period: Pick<Period, 'year'>
): SchemeChoice | null {
	const own = schemes.get(period.year);
	if (own) return { scheme: own, note: null };
	const years = [...schemes.keys()].sort((a, b) => a - b);
	const earlier = years.filter((y) => y < period.year);
	const pick = earlier.length ? earlier[earlier.length - 1] : years[0];
	if (pick === undefined) return null;
	const scheme = schemes.get(pick)!;
	return {
		scheme,
		note: {
			zh: `${period.year} 年没有考核方案，沿用${scheme.name}（${pick} 年）`,
			en: `no assessment scheme for ${period.year}: using ${scheme.name_en} (${pick})`
		}
	};
}

/** A scheme's assessment periods placed in `year` (a carried-over scheme lists its own year's). */
export function schemePeriods(scheme: Scheme, year: number): Period[] {
	return scheme.periods
		.map((text) => parsePeriod(text.replace(/^\d{4}/, String(year))))
		.filter((p): p is Period => p !== null)
		.sort((a, b) => a.to - b.to || b.from - a.from);
}

/** The year-end assessment (年终考核): the scheme's last period of the year. */
export function finalPeriod(scheme: Scheme, year: number): Period | null {
	const periods = schemePeriods(scheme, year);
	return periods.length ? periods[periods.length - 1] : null;
}

export const isFinalPeriod = (scheme: Scheme, period: Period): boolean =>
	finalPeriod(scheme, period.year)?.text === period.text;

/**
 * The periods an assessment of `period` needs, oldest first, ending with `period` itself: the
 * previous year's final assessment (its ranking: last place two years running; its cards: the
 * lifecycle) and this year's assessment periods that end before it (Δrank, escalation).
 */
export function assessmentPeriods(schemes: ReadonlyMap<number, Scheme>, period: Period): Period[] {
	const out: Period[] = [];
	const lastYear = schemeForPeriod(schemes, { year: period.year - 1 });
	const previousFinal = lastYear && finalPeriod(lastYear.scheme, period.year - 1);
	if (previousFinal) out.push(previousFinal);
	const thisYear = schemeForPeriod(schemes, period);
	if (thisYear)
		for (const p of schemePeriods(thisYear.scheme, period.year))
			if (p.to < period.to && p.text !== period.text) out.push(p);
	out.push(period);
	return out;
}

/** Villages: the monthly checks of the rectification window after `period`. */
export function rectificationMonths(scheme: Scheme, period: Period): Period[] {
	const months = scheme.villages?.rectification_months ?? 0;
	return Array.from({ length: months }, (_, i) => periodContaining('month', period.to + 1 + i));
}

/** Months of the year elapsed at the end of a period (6 at the half-year check). */
export const elapsedMonths = (period: Period): number => monthOf(period.to);
