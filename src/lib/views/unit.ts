import type { AssessedLevel, Assessment, Unit, UnitAssessment } from '../assess';
import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import type { Lang } from '../i18n';
import { monthText, parsePeriod, type Period } from '../periods';
import { ident, literal } from '../sql/quote';
import { assessmentValuesQuery, planAssessment, type AssessmentPlan } from './assessment';
import { matrixPeriods } from './cards';
import { overviewIndicators, periodsByYear } from './overview';
import { defaultRankingsState, rankingPeriods, sortUnits } from './rankings';
import { indicatorsViewQuery, villageFiles, viewQuery, type ViewQuery } from './view-query';

/**
 * What a unit page (单位详情) shows: one unit — the county, a township or a village — in one
 * assessment period. Both are always written into the URL, so a copied link names the unit and
 * the period explicitly, whatever the defaults are when it is opened.
 */
export interface UnitState {
	code: string;
	period: string;
}

const CODE = /^\d{6,12}$/;

/** The county, in the rankings' default period (the latest official assessment). */
export function defaultUnitState(config: Config, manifest: Manifest): UnitState {
	const r = defaultRankingsState(config, manifest);
	return { code: r.county, period: r.period };
}

/** Unknown periods fall back to the default; a well-formed code is kept even if it names no
 * unit, so the page can say so rather than silently show another unit. */
export function parseUnit(p: URLSearchParams, config: Config, manifest: Manifest): UnitState {
	const d = defaultUnitState(config, manifest);
	const code = p.get('code') ?? '';
	const period = p.get('period') ?? '';
	return {
		code: CODE.test(code) ? code : d.code,
		period: rankingPeriods(config, manifest).some((o) => o.key === period) ? period : d.period
	};
}

export function serializeUnit(s: UnitState, lang: Lang): URLSearchParams {
	const p = new URLSearchParams();
	p.set('code', s.code);
	p.set('period', s.period);
	if (lang === 'en') p.set('lang', 'en');
	return p;
}

/** A unit page's address relative to the site root, as the other pages' links are. */
export function unitHref(code: string, period: string, lang: Lang): string {
	return `unit/?${serializeUnit({ code, period }, lang).toString()}`;
}

/**
 * The assessment period a unit page opens in from a view ending in a month: that year when it is
 * December, else the year to date (a period the unit page does not offer falls back to its default).
 */
export const unitPeriod = (to: number): string =>
	to % 12 === 11 ? String(Math.floor(to / 12)) : `${monthText(to)}YTD`;

const unitColumns = ['code', 'name', 'level', 'parent_code'].map(ident).join(', ');

/** The unit, its parent and its parent's parent: the breadcrumbs and the county it belongs to. */
export function lineageQuery(code: string): ViewQuery {
	const units = ident('units');
	const parentOf = (c: string) => `(SELECT parent_code FROM ${units} WHERE code = ${c})`;
	const c = literal(code);
	return viewQuery(
		`SELECT ${unitColumns} FROM ${units} WHERE code IN (${c}, ${parentOf(c)}, ${parentOf(parentOf(c))})`,
		{ tables: ['units'] }
	);
}

/** County → township → village down to the unit; empty when the unit is not in the rows. */
export function breadcrumbs(lineage: readonly Unit[], code: string): Unit[] {
	const byCode = new Map(lineage.map((u) => [u.code, u]));
	const out: Unit[] = [];
	for (let u = byCode.get(code); u && out.length < 3; u = byCode.get(u.parent_code ?? ''))
		out.unshift(u);
	return out;
}

/** The county a unit belongs to (itself for a county); '' until the lineage is known. */
export const countyOf = (trail: readonly Unit[]): string =>
	trail[0]?.level === 'county' ? trail[0].code : '';

/**
 * The overview's tiles for any unit: every indicator of the period's scheme (then the
 * population picture) in the same period of each year. A village reads its township's file and
 * those of the townships it moved from, and all its months whichever township they were in. For
 * the county this is exactly the overview's query (and so its precomputed rows).
 */
export function unitTilesQuery(
	config: Config,
	manifest: Manifest,
	unit: Unit,
	period: Period
): ViewQuery {
	const { assessed, other } = overviewIndicators(config, period.year);
	const firstYear = Number(manifest.periods.from.slice(0, 4));
	const q = indicatorsViewQuery(config.catalog, {
		level: unit.level,
		codes: [unit.code],
		indicators: [...assessed, ...other],
		periods: periodsByYear(period, Math.min(firstYear, period.year))
	});
	// every month of the village, in whichever township it was (moves.csv)
	return unit.level === 'village' ? { ...q, need: { ...q.need, ...villageFiles(unit) } } : q;
}

/** Who is ranked below a unit: a county's townships, a township's villages; a village: none. */
export function childLevel(level: Unit['level']): AssessedLevel | null {
	return level === 'county' ? 'township' : level === 'township' ? 'village' : null;
}

/**
 * The unit's own assessments (not for the county, which is not ranked): one plan per
 * assessment period up to the chosen one, as the 三牌 page's matrix has them; the last is the
 * chosen period itself, so score, rank, tier and card come from the same judgement as the
 * card history.
 */
export function unitPlans(config: Config, manifest: Manifest, state: UnitState, unit: Unit) {
	if (unit.level === 'county') return [];
	return matrixPeriods(config, manifest, state.period)
		.map((k) => planAssessment(config.schemes, parsePeriod(k)!, unit.level as AssessedLevel))
		.filter((p): p is AssessmentPlan => p !== null);
}

/**
 * One query for several plans of a level: every period any of them judges — their earlier
 * periods, their own, and a village's rectification months — over the county's units.
 */
export function plansQuery(
	config: Config,
	plans: readonly AssessmentPlan[],
	county: string,
	townships?: readonly string[]
): ViewQuery | null {
	if (!plans.length) return null;
	const last = plans[plans.length - 1];
	const periods = new Map(
		plans
			.flatMap((p) => [...p.history.map((h) => h.period), p.period, ...p.checks])
			.map((p) => [p.text, p])
	);
	periods.delete(last.period.text);
	return assessmentValuesQuery(
		config,
		{
			...last,
			indicators: [...new Set(plans.flatMap((p) => p.indicators))],
			history: [...periods.values()]
				.sort((a, b) => a.to - b.to || a.from - b.from)
				.map((period) => ({ period, scheme: last.scheme })),
			checks: []
		},
		{ county, townships }
	);
}

/** The unit's result in an assessment, and how many units were ranked with it. */
export function standing(
	a: Assessment | null,
	code: string
): { unit: UnitAssessment; ranked: number } | null {
	const unit = a?.units.find((u) => u.code === code);
	return unit ? { unit, ranked: a!.units.filter((u) => u.rank !== null).length } : null;
}

/** The children of a unit in its child level's assessment, best rank first (unranked last). */
export function childRows(a: Assessment | null, parent: string): UnitAssessment[] {
	if (!a) return [];
	return sortUnits(
		a.units.filter((u) => u.parent_code === parent),
		'rank',
		false,
		[]
	);
}

/** Each indicator's points for the unit, in the scheme's order. */
export function scoreRows(unit: UnitAssessment, config: Config, lang: Lang) {
	return Object.entries(unit.indicators).map(([id, s]) => ({
		id,
		name: config.catalog.indicators.find((i) => i.id === id)?.name[lang] ?? id,
		...s
	}));
}
