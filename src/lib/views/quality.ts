import type { Config } from '../config';
import type { Term } from '../config/catalog-schema';
import type { Manifest } from '../extract/schema';
import { formatCount, formatNumber } from '../format';
import { t, type Lang } from '../i18n';
import { makePeriod, monthText, parsePeriod, parseReportMonth, type Period } from '../periods';
import type { IndicatorRow } from '../query/types';
import { reportCellsSql, unreportedSql, type QualityScope } from '../query/quality';
import { groupedOutliers, type Completeness, type GroupedOutliers } from '../stats';
import { indicatorsViewQuery, viewQuery, type TableNeed, type ViewQuery } from './view-query';

/**
 * The 数据质量 page (README, "Data quality"): for a period and the county or one township,
 * the reports' completeness and timeliness, the build's findings, outliers and 漏报. Everything
 * the page shows is chosen here; the components only lay it out.
 */
export interface QualityState {
	/** Period text (2024, 2024H1, 2024-05, 2024-05YTD …) inside the data. */
	period: string;
	/** '' for the whole county. */
	township: string;
	/** |z| above which a value is an outlier (METHODS §6: 3.5). */
	threshold: number;
}

export const DEFAULT_THRESHOLD = 3.5;
const CODE = /^\d{6,12}$/;

export function defaultQualityState(manifest: Manifest): QualityState {
	const latest = parseReportMonth(manifest.periods.latest ?? manifest.periods.to)!;
	const year = Math.floor(latest / 12);
	const p = latest % 12 === 11 ? `${year}` : `${monthText(latest)}YTD`;
	return { period: p, township: '', threshold: DEFAULT_THRESHOLD };
}

/** A period is accepted when it lies inside the data; anything else falls back to the default. */
export function parseQuality(p: URLSearchParams, manifest: Manifest): QualityState {
	const d = defaultQualityState(manifest);
	const period = parsePeriod(p.get('period') ?? '');
	const lo = parseReportMonth(manifest.periods.from)!;
	const hi = parseReportMonth(manifest.periods.to)!;
	const township = p.get('township') ?? '';
	const z = Number(p.get('z'));
	return {
		period: period && period.from >= lo && period.to <= hi ? period.text : d.period,
		township: CODE.test(township) ? township : '',
		threshold: p.has('z') && z >= 1 && z <= 10 ? z : d.threshold
	};
}

export function serializeQuality(s: QualityState, lang: Lang): URLSearchParams {
	const p = new URLSearchParams();
	p.set('period', s.period);
	if (s.township) p.set('township', s.township);
	if (s.threshold !== DEFAULT_THRESHOLD) p.set('z', String(s.threshold));
	if (lang === 'en') p.set('lang', 'en');
	return p;
}

/** The page's own address for a state, relative to the site root as the other pages' links are. */
export const qualityHref = (s: QualityState, lang: Lang) => `quality/?${serializeQuality(s, lang)}`;

/** The page's own address for one month of one township (every item links to its month). */
export function qualityMonthHref(month: number, township: string, s: QualityState, lang: Lang) {
	return `quality/?${serializeQuality({ ...s, period: monthText(month), township }, lang)}`;
}

/** Periods offered in the picker: each year (to date when unfinished), its halves, and the
 * months of the latest year, newest first. */
export function qualityPeriods(manifest: Manifest): string[] {
	const lo = parseReportMonth(manifest.periods.from)!;
	const hi = parseReportMonth(manifest.periods.to)!;
	const out: string[] = [];
	for (let m = hi; m >= hi - (hi % 12) && m >= lo; m--) out.push(monthText(m));
	for (let year = Math.floor(hi / 12); year >= Math.floor(lo / 12); year--) {
		const yearEnd = year * 12 + 11;
		out.push(yearEnd <= hi ? `${year}` : `${monthText(hi)}YTD`);
		for (const h of [2, 1])
			if (year * 12 + h * 6 - 1 <= hi && year * 12 + h * 6 - 6 >= lo) out.push(`${year}H${h}`);
	}
	return out;
}

export function qualityScope(s: QualityState, county: string): QualityScope {
	const p = parsePeriod(s.period)!;
	return { from: p.from, to: p.to, county, ...(s.township ? { township: s.township } : {}) };
}

/** The village rows of one township's file, or of every township's for the county. */
const villageNeed = (s: QualityState): TableNeed => ({
	tables: ['village_month', 'units'],
	...(s.township ? { townships: [s.township] } : {})
});

export const reportCellsQuery = (s: QualityState, county: string): ViewQuery =>
	viewQuery(reportCellsSql(qualityScope(s, county)), villageNeed(s));

export const unreportedQuery = (s: QualityState, county: string): ViewQuery =>
	viewQuery(unreportedSql(qualityScope(s, county)), villageNeed(s));

/**
 * The unit page period for an item of months from–to: the shortest assessment period (or
 * year to date) the unit page offers that contains them, else its default.
 */
export function unitPeriodFor(from: number, to: number, options: readonly { key: string }[]) {
	const fits = options
		.map((o) => parsePeriod(o.key)!)
		.filter((p) => p.from <= from && p.to >= to)
		.sort((a, b) => a.to - a.from - (b.to - b.from));
	return fits[0]?.text ?? options[0]?.key ?? '';
}

/** Which units are compared: the county's townships, or a township's villages. */
const compared = (s: QualityState, county: string) =>
	s.township
		? { level: 'village' as const, parent: s.township }
		: { level: 'township' as const, parent: county };

/**
 * The indicators whose values are checked for outliers: all but those of the reports' own
 * timeliness (their every late report would be an "outlier"; the matrix above shows them).
 */
export function outlierIndicators(config: Config): string[] {
	const system = new Set(config.catalog.system_measures.map((m) => m.id));
	const terms = (t: Term) =>
		'sum' in t ? t.sum : 'end' in t ? [t.end] : 'mean' in t ? [t.mean] : [t.task];
	return config.catalog.indicators
		.filter((i) => {
			const f = i.formula;
			const ids = f.kind === 'ratio' ? [...terms(f.numerator), ...terms(f.denominator)] : [];
			return !ids.some((id) => system.has(id));
		})
		.map((i) => i.id);
}

/** Every indicator of every compared unit over the period (outliers across the units). */
export function unitValuesQuery(config: Config, s: QualityState, county: string): ViewQuery {
	return indicatorsViewQuery(config.catalog, {
		...compared(s, county),
		indicators: outlierIndicators(config),
		periods: [parsePeriod(s.period)!]
	});
}

/** Every indicator of every compared unit in each month of the period (outliers over its months). */
export function monthValuesQuery(config: Config, s: QualityState, county: string): ViewQuery {
	const p = parsePeriod(s.period)!;
	const months: Period[] = [];
	for (let m = p.from; m <= p.to; m++)
		months.push(makePeriod('month', Math.floor(m / 12), (m % 12) + 1, (m % 12) + 1));
	return indicatorsViewQuery(config.catalog, {
		...compared(s, county),
		indicators: outlierIndicators(config),
		periods: months
	});
}

export type ValueOutliers = GroupedOutliers<IndicatorRow>;

/** Across the units: one group per indicator. */
export const unitOutliers = (rows: readonly IndicatorRow[], threshold: number): ValueOutliers =>
	groupedOutliers(
		rows.map((r) => ({ group: r.indicator, value: r.value, item: r })),
		threshold
	);

/** Across a unit's own months: one group per indicator and unit. */
export const monthOutliers = (rows: readonly IndicatorRow[], threshold: number): ValueOutliers =>
	groupedOutliers(
		rows.map((r) => ({ group: `${r.indicator}|${r.code}`, value: r.value, item: r })),
		threshold
	);

/** A share as a percentage with one decimal (93.7%), or a dash for none. */
export const shareText = (x: number | null) => (x === null ? '—' : `${formatNumber(x * 100, 1)}%`);

/**
 * The one-line verdict at the top: "本期 300 个村应报 3,600 份，按时 3,372 份（93.7%），迟报 …，
 * 缺报 12 份（其中 …）…". Parts with nothing to say (no pending reports) are left out.
 */
export function qualityVerdict(
	c: Completeness,
	villages: number,
	found: { found: number; reported: number } | null,
	lang: Lang
): string {
	const n = (x: number) => formatCount(x, lang);
	const parts = [
		t(lang, 'quality.verdict.due', { villages: n(villages), due: n(c.due) }),
		t(lang, 'quality.verdict.onTime', { onTime: n(c.onTime), rate: shareText(c.onTimeRate) }),
		t(lang, 'quality.verdict.late', { late: n(c.late) }),
		c.carried
			? t(lang, 'quality.verdict.missingCarried', { missing: n(c.missing), carried: n(c.carried) })
			: t(lang, 'quality.verdict.missing', { missing: n(c.missing) })
	];
	if (c.pending) parts.push(t(lang, 'quality.verdict.pending', { pending: n(c.pending) }));
	if (c.undated) parts.push(t(lang, 'quality.verdict.undated', { undated: n(c.undated) }));
	if (found)
		parts.push(
			t(lang, 'quality.verdict.found', { found: n(found.found), reported: n(found.reported) })
		);
	return parts.join(t(lang, 'quality.verdict.sep')) + t(lang, 'quality.verdict.end');
}
