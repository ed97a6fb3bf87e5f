import {
	assess,
	assessmentPeriods,
	rectificationMonths,
	schemeForPeriod,
	type AssessedLevel,
	type Assessment,
	type Incident,
	type Unit
} from '../assess';
import type { Config } from '../config';
import type { Scheme } from '../config/scheme';
import type { Period } from '../periods';
import type { IndicatorRow } from '../query/types';
import { ident, literal } from '../sql/quote';
import { indicatorsViewQuery, viewQuery, type ViewQuery } from './view-query';

/**
 * What one assessment needs, decided the same way by `kaoping assess` and the 排名 / 三牌 pages:
 * the scheme of the period's year (or the nearest, said in `note`), the earlier assessment
 * periods whose results carry over (Δrank, a yellow card not lifted, last place), the months a
 * village's rectification is checked in, and every indicator those schemes score or card.
 */
export interface AssessmentPlan {
	period: Period;
	level: AssessedLevel;
	scheme: Scheme;
	note: { zh: string; en: string } | null;
	history: { period: Period; scheme: Scheme }[];
	checks: Period[];
	indicators: string[];
}

export function planAssessment(
	schemes: ReadonlyMap<number, Scheme>,
	period: Period,
	level: AssessedLevel,
	/** An edited or supplied scheme judges the period instead of the published one. */
	override?: Scheme
): AssessmentPlan | null {
	const all = new Map(schemes);
	if (override) all.set(override.year, override);
	const choice = override ? { scheme: override, note: null } : schemeForPeriod(all, period);
	if (!choice) return null;
	const earlier = assessmentPeriods(all, period).slice(0, -1);
	// a village's card does not carry over (lib/assess historyThatCounts): its last period is enough
	const history = (level === 'village' ? earlier.slice(-1) : earlier).map((p) => ({
		period: p,
		scheme: schemeForPeriod(all, p)?.scheme ?? choice.scheme
	}));
	const checks = level === 'village' ? rectificationMonths(choice.scheme, period) : [];
	return {
		period,
		level,
		scheme: choice.scheme,
		note: choice.note,
		history,
		checks,
		indicators: indicatorsOf([choice.scheme, ...history.map((h) => h.scheme)])
	};
}

/** Every indicator the schemes score, and those their card rules count (政策外多孩出生). */
function indicatorsOf(schemes: readonly Scheme[]): string[] {
	const ids = new Set<string>();
	for (const s of schemes) {
		Object.keys(s.indicators).forEach((id) => ids.add(id));
		for (const c of [...s.cards.red, ...s.cards.black, ...s.cards.yellow])
			if (c.when === 'count_at_least') ids.add(c.indicator);
	}
	return [...ids];
}

/**
 * The one indicator query of an assessment: the units of the level — of one county when the
 * site asks (a province's other counties are not read), of every county for `kaoping assess` —
 * × the plan's indicators × its periods. Villages read the files of `townships`.
 */
export function assessmentValuesQuery(
	config: Config,
	plan: AssessmentPlan,
	scope?: { county: string; townships?: readonly string[] }
): ViewQuery {
	const county = scope?.county;
	const q = indicatorsViewQuery(config.catalog, {
		level: plan.level,
		...(county === undefined
			? {}
			: plan.level === 'village'
				? { grandparent: county }
				: { parent: county }),
		indicators: plan.indicators,
		periods: [...plan.history.map((h) => h.period), plan.period, ...plan.checks]
	});
	if (plan.level === 'village' && scope?.townships) q.need.townships = [...scope.townships];
	return q;
}

const unitColumns = ['code', 'name', 'level', 'parent_code'].map(ident).join(', ');

/**
 * The units with their parents, in the set's order: of one county (itself, its townships and
 * their villages) for a page, every unit for `kaoping assess`.
 */
export function assessmentUnitsQuery(county?: string): ViewQuery {
	const units = ident('units');
	const c = county === undefined ? null : literal(county);
	const where = c
		? ` WHERE code = ${c} OR parent_code = ${c} OR parent_code IN (SELECT code FROM ${units} WHERE parent_code = ${c})`
		: '';
	return viewQuery(`SELECT ${unitColumns} FROM ${units}${where} ORDER BY ${ident('sort_order')}`, {
		tables: ['units']
	});
}

/** Inspection findings (the veto triggers), oldest first. */
export const incidentsQuery = (): ViewQuery =>
	viewQuery(
		`SELECT ${['code', 'township_code', 'date', 'type', 'count'].map(ident).join(', ')} FROM ${ident('incidents')} ORDER BY ${ident('date')}, ${ident('code')}`,
		{ tables: ['incidents'] }
	);

/** The townships of a county, for loading its villages' files. */
export function townshipsOf(units: readonly Unit[], county: string): string[] {
	return units.filter((u) => u.level === 'township' && u.parent_code === county).map((u) => u.code);
}

/** Judges the plan's period on the rows of its queries: pure, synchronous, the same everywhere. */
export function runAssessment(
	config: Config,
	plan: AssessmentPlan,
	values: readonly IndicatorRow[],
	units: readonly Unit[],
	incidents: readonly Incident[]
): Assessment {
	return assess(values, plan.scheme, {
		catalog: config.catalog,
		units: [...units],
		level: plan.level,
		period: plan.period,
		history: plan.history,
		incidents: [...incidents],
		checks: plan.checks
	});
}

/** Villages of one township only: its own code, as a filter on the published units. */
export const villagesOfTownship = (units: readonly Unit[], township: string) =>
	units.filter((u) => u.level === 'village' && u.parent_code === township).map((u) => u.code);
