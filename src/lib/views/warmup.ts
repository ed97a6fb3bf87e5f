import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { defaultOverviewState, overviewQuery } from './overview';
import { defaultTrendsState, multiplesQuery, trendsQuery } from './trends';
import { scopeUnitsQuery, type UnitRow, type ViewQuery } from './view-query';

/**
 * What the engine runs while the reader looks at the first numbers, so that the first click is
 * not the engine's first query on that table (a 1 s stall measured at township level): the
 * overview's query, then the trends page at township and at village level exactly as its level
 * buttons open them (TrendControls: the county's townships; the villages of the first township),
 * each query once — its answer is then kept like any other. Between them every table a view reads
 * has been scanned once: the month tables of every level, units, tasks.
 */
export function warmupQueries(
	config: Config,
	manifest: Manifest,
	countyUnits: readonly UnitRow[]
): ViewQuery[] {
	const trends = defaultTrendsState(config, manifest);
	const township = { ...trends, level: 'township' as const, units: [] };
	const first = countyUnits.find((u) => u.level === 'township');
	const village = first
		? { ...trends, level: 'village' as const, scope: first.code, units: [] }
		: null;
	const overview = overviewQuery(config, manifest, defaultOverviewState(manifest));
	return [
		...(overview ? [overview] : []),
		trendsQuery(config, township),
		multiplesQuery(config, township),
		...(village && first
			? [scopeUnitsQuery(first.code), trendsQuery(config, village), multiplesQuery(config, village)]
			: [])
	];
}

/** The query whose rows warmupQueries needs: the county and its townships. */
export function warmupUnitsQuery(manifest: Manifest): ViewQuery | null {
	const county = manifest.counties[0]?.code;
	return county ? scopeUnitsQuery(county) : null;
}
