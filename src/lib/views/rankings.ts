import type { AssessedLevel, Assessment, UnitAssessment } from '../assess';
import { schemeForPeriod, schemePeriods } from '../assess';
import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { monthText, parsePeriod, parseReportMonth, type Period } from '../periods';
import { t, type Lang } from '../i18n';
import type { Catalog } from '../config/catalog-schema';
import { formatAmount, formatIndicatorValue, formatScore } from '../format';
import { fractionKinds } from './labels';
import { unitHref } from './unit';

/** What the 排名 page shows; all of it lives in the URL. */
export interface RankingsState {
	county: string;
	level: AssessedLevel;
	/** Villages of this township; '' = every village of the county. */
	township: string;
	period: string;
	sort: string;
	desc: boolean;
	/** The indicator of the funnel plot; '' = the first the scheme scores. */
	funnel: string;
	/** 方案模拟 edits (views/whatif.ts encodeEdits); '' = the official scheme. */
	whatif: string;
	/** The funnel's limits widened by over-dispersion (off by default). */
	phi: boolean;
	/** The funnel centred on the scheme's target instead of the county total. */
	target: boolean;
}

export interface PeriodOption {
	key: string;
	/** A month-end year to date, not one of the scheme's assessment periods: 临时排名. */
	provisional: boolean;
}

/**
 * The scheme's assessment periods (half-year check, year end) of every year with data that the
 * data reach the end of, newest first, then each month-end year to date of the latest year as a
 * provisional ranking.
 */
export function rankingPeriods(config: Config, manifest: Manifest): PeriodOption[] {
	const first = parseReportMonth(manifest.periods.from)!;
	const latest = parseReportMonth(manifest.periods.latest ?? manifest.periods.to)!;
	const out: PeriodOption[] = [];
	for (let year = Math.floor(latest / 12); year >= Math.floor(first / 12); year--)
		for (const p of [...yearPeriods(config, year)].reverse())
			if (p.to <= latest && p.from >= first) out.push({ key: p.text, provisional: false });
	const official = new Set(out.map((o) => o.key));
	for (let m = latest; m >= latest - (latest % 12); m--) {
		const key = `${monthText(m)}YTD`;
		const p = parsePeriod(key)!;
		// a YTD that is exactly an official period (Jan–Dec = the year) is not offered twice
		if (![...official].some((o) => samePeriod(parsePeriod(o)!, p)))
			out.push({ key, provisional: true });
	}
	return out;
}

/** The assessment periods of a year, by its own scheme or the one that stands in for it. */
function yearPeriods(config: Config, year: number): Period[] {
	const choice = schemeForPeriod(config.schemes, { year });
	return choice ? schemePeriods(choice.scheme, year) : [];
}

const samePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;

export function defaultRankingsState(config: Config, manifest: Manifest): RankingsState {
	const periods = rankingPeriods(config, manifest);
	const official = periods.find((p) => !p.provisional) ?? periods[0];
	return {
		county: manifest.counties[0]?.code ?? '',
		level: 'township',
		township: '',
		period: official?.key ?? `${manifest.periods.latest ?? manifest.periods.to}YTD`,
		sort: 'rank',
		desc: false,
		funnel: '',
		whatif: '',
		phi: false,
		target: false
	};
}

const CODE = /^\d{6,12}$/;
const SORTS = /^(rank|change|name|score|tier|card|[a-z][a-z0-9_]*)$/;

export function parseRankings(
	p: URLSearchParams,
	config: Config,
	manifest: Manifest
): RankingsState {
	const d = defaultRankingsState(config, manifest);
	const county = p.get('county');
	const period = p.get('period');
	const township = p.get('township') ?? '';
	const sort = p.get('sort') ?? '';
	return {
		county: county && manifest.counties.some((c) => c.code === county) ? county : d.county,
		level: p.get('level') === 'village' ? 'village' : 'township',
		township: CODE.test(township) ? township : '',
		period:
			period && rankingPeriods(config, manifest).some((o) => o.key === period) ? period : d.period,
		sort: SORTS.test(sort) ? sort : d.sort,
		desc: p.get('desc') === '1',
		funnel: /^[a-z][a-z0-9_]*$/.test(p.get('funnel') ?? '') ? p.get('funnel')! : '',
		whatif: /^[A-Za-z0-9_-]{1,4000}$/.test(p.get('whatif') ?? '') ? p.get('whatif')! : '',
		phi: p.get('phi') === '1',
		target: p.get('ref') === 'target'
	};
}

export function serializeRankings(
	s: RankingsState,
	config: Config,
	manifest: Manifest,
	lang: Lang
): URLSearchParams {
	const d = defaultRankingsState(config, manifest);
	const p = new URLSearchParams();
	if (s.county !== d.county) p.set('county', s.county);
	if (s.level !== d.level) p.set('level', s.level);
	if (s.level === 'village' && s.township) p.set('township', s.township);
	if (s.period !== d.period) p.set('period', s.period);
	if (s.sort !== d.sort) p.set('sort', s.sort);
	if (s.desc) p.set('desc', '1');
	if (s.funnel) p.set('funnel', s.funnel);
	if (s.whatif) p.set('whatif', s.whatif);
	if (s.phi) p.set('phi', '1');
	if (s.target) p.set('ref', 'target');
	if (lang === 'en') p.set('lang', 'en');
	return p;
}

/** The units the table lists: a county's townships, or the villages of the chosen scope. */
export function unitsShown(
	a: Assessment,
	parents: ReadonlyMap<string, string | null>,
	state: RankingsState
): UnitAssessment[] {
	return a.units.filter((u) => {
		if (state.level === 'township') return u.parent_code === state.county;
		if (state.township) return u.parent_code === state.township;
		return parents.get(u.parent_code ?? '') === state.county;
	});
}

const CARD_ORDER = { red: 3, black: 2, yellow: 1 } as const;

/** Sorted rows: by rank (unranked last), Δrank, name, score, tier, card or an indicator's score. */
export function sortUnits(
	units: readonly UnitAssessment[],
	sort: string,
	desc: boolean,
	tierOrder: readonly string[]
): UnitAssessment[] {
	const key = (u: UnitAssessment): number | string => {
		switch (sort) {
			case 'rank':
				return u.rank ?? Infinity;
			case 'change':
				return u.rank_change ?? -Infinity;
			case 'name':
				return u.name;
			case 'score':
				return u.score;
			case 'tier':
				return u.tier === null ? Infinity : tierOrder.indexOf(u.tier);
			case 'card':
				return u.card ? CARD_ORDER[u.card] : 0;
			default:
				return u.indicators[sort]?.score ?? -Infinity;
		}
	};
	const sign = desc ? -1 : 1;
	return [...units].sort((a, b) => {
		const x = key(a);
		const y = key(b);
		const c =
			typeof x === 'string' && typeof y === 'string'
				? x.localeCompare(y, 'zh')
				: (x as number) - (y as number);
		return (Number.isNaN(c) ? 0 : c) * sign || a.code.localeCompare(b.code);
	});
}

/** Where a unit's figures are: its unit page (单位详情) in the same period. */
export function unitLink(u: UnitAssessment, period: Period, lang: Lang): string {
	return unitHref(u.code, period.text, lang);
}

export type ShareBand = 'good' | 'mid' | 'bad' | 'none';

/**
 * One indicator cell of the ranking table: the score it earned, its band (the colour, always
 * with the score as text beside it) and the tip with value and counts shown on hover and focus.
 */
export function scoreCell(
	u: UnitAssessment,
	id: string,
	catalog: Catalog,
	arrearsShare: number,
	lang: Lang
): { text: string; band: ShareBand; tip: string } {
	const s = u.indicators[id];
	const indicator = catalog.indicators.find((i) => i.id === id);
	if (!s || !indicator) return { text: '—', band: 'none', tip: '' };
	const share = s.weight > 0 ? s.score / s.weight : 0;
	const band: ShareBand = s.no_data
		? 'none'
		: share >= 0.9
			? 'good'
			: share >= arrearsShare
				? 'mid'
				: 'bad';
	const kinds = fractionKinds(catalog, indicator);
	const numerator = formatAmount(s.numerator, kinds.numerator, lang);
	const counts =
		s.denominator === null
			? numerator
			: `${numerator} / ${formatAmount(s.denominator, kinds.denominator, lang)}`;
	const tip = t(lang, 'rankings.cell', {
		indicator: indicator.name[lang],
		value: formatIndicatorValue(s.value, indicator, lang),
		counts,
		score: formatScore(s.score),
		weight: s.weight
	});
	return { text: s.no_data ? t(lang, 'rankings.legendNone') : formatScore(s.score), band, tip };
}

/** ▲3 / ▼2 / – with words for screen readers: never colour alone. */
export function rankChangeText(change: number | null, lang: Lang): { mark: string; words: string } {
	if (change === null) return { mark: '', words: t(lang, 'rankings.new') };
	if (change > 0) return { mark: `▲${change}`, words: t(lang, 'rankings.up', { n: change }) };
	if (change < 0) return { mark: `▼${-change}`, words: t(lang, 'rankings.down', { n: -change }) };
	return { mark: '–', words: t(lang, 'rankings.same') };
}

/**
 * One sentence on which ranks are real (METHODS §4): which units the first place is clearly
 * ahead of and the last place clearly behind — intervals that do not overlap — and that the
 * rest may be chance. Null until the intervals are there, or with fewer than three units.
 */
export function separationSentence(
	units: readonly UnitAssessment[],
	intervals: ReadonlyMap<string, readonly [number, number]>,
	lang: Lang
): string | null {
	const ranked = units
		.filter((u) => u.rank !== null && intervals.has(u.code))
		.sort((a, b) => a.rank! - b.rank!);
	if (ranked.length < 3) return null;
	const iv = (u: UnitAssessment) => intervals.get(u.code)!;
	const first = ranked[0];
	const last = ranked[ranked.length - 1];
	// the first unit's interval ends before theirs begins: clearly behind the first
	const behind = ranked.filter((u) => iv(u)[0] > iv(first)[1]);
	const ahead = ranked.filter((u) => iv(u)[1] < iv(last)[0]);
	if (!behind.length && !ahead.length) return t(lang, 'rankings.noneSeparated');
	return t(lang, 'rankings.separated', {
		first: first.name,
		from: behind.length ? behind[0].rank! : '—',
		last: last.name,
		to: ahead.length ? ahead[ahead.length - 1].rank! : '—'
	});
}
