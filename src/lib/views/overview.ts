import { schemeFor, type Config } from '../config';
import type { Manifest } from '../extract/schema';
import { parsePeriod, samePeriodLastYear, type Period } from '../periods';
import { indicatorsViewQuery, type ViewQuery } from './view-query';

/** What the overview shows: one county, one period (default: this year to the latest month). */
export interface OverviewState {
	county: string;
	period: string;
}

/** Shown after the assessed indicators: the population picture and the veto trigger. */
export const OVERVIEW_OTHER_INDICATORS = [
	'birth_rate',
	'death_rate',
	'natural_growth_rate',
	'out_policy_multi_births',
	'report_timeliness'
];

export function defaultOverviewState(manifest: Manifest): OverviewState {
	// the last month most villages reported, not the latest month anyone sent (one early report)
	const latest = manifest.periods.latest ?? manifest.periods.to;
	return { county: manifest.counties[0]?.code ?? '', period: `${latest}YTD` };
}

/** The assessed indicators of the period's scheme, in scheme order, then the others. */
export function overviewIndicators(
	config: Config,
	year: number
): { assessed: string[]; other: string[] } {
	const scheme = schemeFor(config, year);
	const assessed = scheme ? Object.keys(scheme.indicators) : [];
	const other = OVERVIEW_OTHER_INDICATORS.filter(
		(id) => !assessed.includes(id) && config.catalog.indicators.some((i) => i.id === id)
	);
	return { assessed, other };
}

/**
 * The same period in every year of the data, oldest first: the tile's sparkline, and its last
 * two points give the change against the same period last year (同比).
 */
export function periodsByYear(period: Period, firstYear: number): Period[] {
	const out: Period[] = [period];
	for (let p = period; p.year > firstYear;) out.unshift((p = samePeriodLastYear(p)));
	return out;
}

/** One query for every tile: indicators × years for the county. */
export function overviewQuery(
	config: Config,
	manifest: Manifest,
	state: OverviewState
): ViewQuery | null {
	const period = parsePeriod(state.period);
	if (!period) return null;
	const { assessed, other } = overviewIndicators(config, period.year);
	const firstYear = Number(manifest.periods.from.slice(0, 4));
	return indicatorsViewQuery(config.catalog, {
		level: 'county',
		codes: [state.county],
		indicators: [...assessed, ...other],
		periods: periodsByYear(period, Math.min(firstYear, period.year))
	});
}
