import type { Assessment, Card, CardReason, CardStatus, UnitAssessment } from '../assess';
import type { Config } from '../config';
import type { Catalog } from '../config/catalog-schema';
import { chanceCaveat } from '../assess/chance';
import type { Manifest } from '../extract/schema';
import type { Lang } from '../i18n';
import { tierName } from '../config/tier-name';
import { parsePeriod } from '../periods';
import { assessmentValuesQuery, planAssessment, type AssessmentPlan } from './assessment';
import { defaultRankingsState, rankingPeriods } from './rankings';
import type { ViewQuery } from './view-query';

/** What the 三牌 page shows; all of it lives in the URL. */
export interface CardsState {
	county: string;
	period: string;
	/** The villages' cards of this township; '' = every village of the county. */
	township: string;
	/** The unit whose reasons and history are open, '' for none. */
	open: string;
}

/** Assessment periods shown as the matrix's columns: up to this many, ending at the period. */
export const MATRIX_PERIODS = 6;

export function defaultCardsState(config: Config, manifest: Manifest): CardsState {
	const r = defaultRankingsState(config, manifest);
	return { county: r.county, period: r.period, township: '', open: '' };
}

const CODE = /^\d{6,12}$/;

export function parseCards(p: URLSearchParams, config: Config, manifest: Manifest): CardsState {
	const d = defaultCardsState(config, manifest);
	const pick = (key: string) => (CODE.test(p.get(key) ?? '') ? p.get(key)! : '');
	const county = p.get('county');
	const period = p.get('period');
	return {
		county: county && manifest.counties.some((c) => c.code === county) ? county : d.county,
		period:
			period && rankingPeriods(config, manifest).some((o) => o.key === period) ? period : d.period,
		township: pick('township'),
		open: pick('open')
	};
}

export function serializeCards(
	s: CardsState,
	config: Config,
	manifest: Manifest,
	lang: Lang
): URLSearchParams {
	const d = defaultCardsState(config, manifest);
	const p = new URLSearchParams();
	if (s.county !== d.county) p.set('county', s.county);
	if (s.period !== d.period) p.set('period', s.period);
	if (s.township) p.set('township', s.township);
	if (s.open) p.set('open', s.open);
	if (lang === 'en') p.set('lang', 'en');
	return p;
}

/**
 * The matrix's periods, oldest first: the official assessment periods up to the chosen one (and
 * the chosen one itself, provisional or not), at most MATRIX_PERIODS.
 */
export function matrixPeriods(config: Config, manifest: Manifest, period: string): string[] {
	const chosen = parsePeriod(period);
	if (!chosen) return [];
	const official = rankingPeriods(config, manifest)
		.filter((o) => !o.provisional && parsePeriod(o.key)!.to < chosen.to)
		.map((o) => o.key)
		.reverse();
	return [...official, period].slice(-MATRIX_PERIODS);
}

/** One plan per matrix column (townships), and the one query covering them all. */
export function matrixPlans(config: Config, periods: readonly string[]): AssessmentPlan[] {
	return periods
		.map((k) => planAssessment(config.schemes, parsePeriod(k)!, 'township'))
		.filter((p): p is AssessmentPlan => p !== null);
}

export function matrixQuery(
	config: Config,
	plans: readonly AssessmentPlan[],
	county: string
): ViewQuery | null {
	if (!plans.length) return null;
	const last = plans[plans.length - 1];
	const periods = new Map(
		plans.flatMap((p) => [...p.history.map((h) => h.period), p.period]).map((p) => [p.text, p])
	);
	const indicators = [...new Set(plans.flatMap((p) => p.indicators))];
	return assessmentValuesQuery(
		config,
		{
			...last,
			indicators,
			history: [...periods.values()]
				.filter((p) => p.text !== last.period.text)
				.sort((a, b) => a.to - b.to)
				.map((period) => ({ period, scheme: last.scheme })),
			checks: []
		},
		{ county }
	);
}

export interface CardCount {
	card: Card;
	n: number;
}

export function cardCounts(units: readonly UnitAssessment[]): CardCount[] {
	return (['red', 'black', 'yellow'] as const).map((card) => ({
		card,
		n: units.filter((u) => u.card === card).length
	}));
}

/** A unit's card in each assessment of the matrix, with why: its history, oldest first. */
export interface CardStep {
	period: string;
	card: Card | null;
	status: CardStatus | null;
	reasons: readonly CardReason[];
	/** The one reason that chance alone could explain (METHODS: chance marks), if any. */
	caveat: CardReason | null;
}

export function cardHistory(
	code: string,
	assessments: readonly Assessment[],
	catalog: Catalog
): CardStep[] {
	return assessments.map((a) => {
		const u = a.units.find((x) => x.code === code);
		return {
			period: a.period,
			card: u?.card ?? null,
			status: u?.card_status ?? null,
			reasons: u?.reason_details ?? [],
			caveat: u ? chanceCaveat(u, catalog) : null
		};
	});
}

/** Units of the county that hold a card in any column, or were lifted: the matrix's rows. */
export function matrixUnits(
	assessments: readonly Assessment[],
	county: string
): { code: string; name: string }[] {
	const last = assessments[assessments.length - 1];
	if (!last) return [];
	return last.units
		.filter((u) => u.parent_code === county)
		.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code))
		.map((u) => ({ code: u.code, name: u.name }));
}

/** The consequences the scheme attaches to a card or tier, in the page's language. */
export function consequences(
	plan: AssessmentPlan,
	lang: Lang
): { card: Card | null; tier: string | null; text: string }[] {
	return plan.scheme.consequences.map((c) => ({
		card: c.card ?? null,
		tier: c.tier ? tierName(plan.scheme, c.tier, lang) : null,
		text: lang === 'zh' ? c.zh : c.en
	}));
}
