import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { defaultOverviewState, overviewQuery } from './overview';
import { defaultTrendsState, multiplesQuery, switchLevel, trendsQuery } from './trends';
import { scopeUnitsQuery, type UnitRow, type ViewQuery } from './view-query';

/**
 * What the engine runs while the reader looks at the first numbers, so that the first click is
 * not the engine's first query on that table (a 1 s stall measured at township level): the
 * overview's query and the trends page at township level as its level button opens it, on the
 * tables every page has loaded; and, asked for by the trends page only (it loads one township's
 * village file, which pages such as the SQL console must not see appear), the trends page at
 * village level for the first township, as TrendControls opens it. Each query once — its answer
 * is then kept like any other.
 */
export function warmupQueries(
	config: Config,
	manifest: Manifest,
	countyUnits: readonly UnitRow[],
	part: 'loaded' | 'villages'
): ViewQuery[] {
	const trends = defaultTrendsState(config, manifest);
	const county = manifest.counties[0]?.code ?? null;
	const townships = countyUnits.filter((u) => u.level === 'township');
	if (part === 'loaded') {
		const township = switchLevel(trends, 'township', county, townships);
		const overview = overviewQuery(config, manifest, defaultOverviewState(manifest));
		return [
			...(overview ? [overview] : []),
			trendsQuery(config, township),
			multiplesQuery(config, township)
		];
	}
	const first = townships[0];
	if (!first) return [];
	const village = switchLevel(trends, 'village', county, townships);
	return [
		scopeUnitsQuery(first.code),
		trendsQuery(config, village),
		multiplesQuery(config, village)
	];
}

/** The query whose rows warmupQueries needs: the county and its townships. */
export function warmupUnitsQuery(manifest: Manifest): ViewQuery | null {
	const county = manifest.counties[0]?.code;
	return county ? scopeUnitsQuery(county) : null;
}
