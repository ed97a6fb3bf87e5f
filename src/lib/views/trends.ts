import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { parseReportMonth, type Granularity, type MonthIndex } from '../periods';
import type { IndicatorRow, Level } from '../query/types';
import type { FunnelUnit } from './funnel';
import { overviewIndicators } from './overview';
import { indicatorsViewQuery, type UnitRow, type ViewQuery } from './view-query';
import { bucketPeriods } from '../query/buckets';

/**
 * A trend view: one indicator for some units over a range of months. `scope` is the unit whose
 * children are compared: the county for townships, a township for its villages.
 */
export interface TrendsState {
	indicator: string;
	level: Level;
	/** The units drawn as lines; empty means every unit of the level within the scope. */
	units: string[];
	scope: string;
	granularity: Granularity;
	annualise: boolean;
	from: MonthIndex;
	to: MonthIndex;
	/** The funnel plot's limits widened by over-dispersion. */
	phi: boolean;
	/** The funnel plot centred on the scheme's target. */
	target: boolean;
	/** Units drawn in colour on the chart, in the order chosen (the rest are grey). */
	highlight: string[];
}

export function defaultTrendsState(config: Config, manifest: Manifest): TrendsState {
	// the last month most villages reported: a month only one village has sent is no default
	const to = parseReportMonth(manifest.periods.latest ?? manifest.periods.to)!;
	const assessed = overviewIndicators(config, Math.floor(to / 12)).assessed;
	const county = manifest.counties[0]?.code ?? '';
	return {
		indicator: assessed[0] ?? config.catalog.indicators[0].id,
		level: 'county',
		units: [county],
		scope: county,
		granularity: 'quarter',
		annualise: false,
		from: parseReportMonth(manifest.periods.from)!,
		to,
		phi: false,
		target: false,
		highlight: []
	};
}

/**
 * The state after the level buttons: the whole county at county level, every township of it at
 * township level, the first township's villages at village level. The warm-up (warmup.ts) runs
 * the queries of exactly these states, so a first click finds its answer computed.
 */
export function switchLevel(
	view: TrendsState,
	level: TrendsState['level'],
	county: string | null,
	townships: readonly { code: string }[]
): TrendsState {
	const home = county ?? view.scope;
	const scope = level === 'village' ? (townships[0]?.code ?? view.scope) : home;
	return { ...view, level, scope, units: level === 'county' ? [home] : [] };
}

function periods(state: TrendsState) {
	return bucketPeriods(state.granularity, state.from, state.to);
}

/**
 * The lines of the main chart, for every indicator of the catalog at once: one query covers the
 * whole indicator dimension of a selection, so switching indicators (what analysts do most)
 * is answered from the result cache. The view picks its indicator's rows.
 */
export function trendsQuery(config: Config, state: TrendsState): ViewQuery {
	const base = {
		indicators: config.catalog.indicators.map((i) => i.id),
		periods: periods(state),
		annualise: state.annualise
	};
	if (state.level === 'county')
		return indicatorsViewQuery(config.catalog, {
			...base,
			level: 'county',
			codes: state.units.length ? state.units : [state.scope]
		});
	return indicatorsViewQuery(config.catalog, {
		...base,
		level: state.level,
		parent: state.scope,
		...(state.units.length ? { codes: state.units } : {})
	});
}

/**
 * Small multiples: the indicator for every child of the scope (the townships of the county, or
 * the villages of a township), one panel each.
 */
export function multiplesQuery(config: Config, state: TrendsState): ViewQuery {
	const level = state.level === 'village' ? 'village' : 'township';
	return indicatorsViewQuery(config.catalog, {
		indicators: [state.indicator],
		periods: periods(state),
		annualise: state.annualise,
		level,
		parent: state.scope
	});
}

/**
 * The county a trend view belongs to. A county scope is its own; a township scope's county is
 * its parent in the units table (`scopeUnitsQuery(scope)` returns the scope's own row). Codes
 * are never cut apart: counties may write 6-digit or zero-padded 12-digit codes.
 */
export function countyOfScope(
	scope: string,
	counties: { code: string }[],
	scopeRows: UnitRow[] | null
): string | null {
	if (counties.some((c) => c.code === scope)) return scope;
	const own = scopeRows?.find((u) => u.code === scope);
	return own?.level === 'township' ? own.parent_code : null;
}

/**
 * The funnel plot of the trends page: every unit of the small multiples (the townships, or the
 * villages of the township) at the last period shown, with its counts.
 */
export function trendFunnelUnits(
	rows: readonly IndicatorRow[],
	names: readonly { code: string; name: string }[]
): { period: string | null; units: FunnelUnit[] } {
	const last = rows.reduce<IndicatorRow | null>(
		(m, r) => (m === null || r.period_to > m.period_to ? r : m),
		null
	);
	if (!last) return { period: null, units: [] };
	const name = new Map(names.map((n) => [n.code, n.name]));
	return {
		period: last.period_key,
		units: rows
			.filter((r) => r.period_key === last.period_key)
			.map((r) => ({
				code: r.code,
				name: name.get(r.code) ?? r.code,
				numerator: r.numerator,
				denominator: r.denominator
			}))
	};
}
