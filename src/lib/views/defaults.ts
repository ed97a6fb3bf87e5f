import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { defaultOverviewState, overviewQuery } from './overview';
import { defaultTrendsState, multiplesQuery, trendsQuery } from './trends';
import { scopeUnitsQuery, type ViewQuery } from './view-query';
import {
	assessmentUnitsQuery,
	assessmentValuesQuery,
	incidentsQuery,
	planAssessment
} from './assessment';
import { defaultRankingsState } from './rankings';
import { defaultCardsState, matrixPeriods, matrixPlans, matrixQuery } from './cards';
import { parsePeriod } from '../periods';
import { bulletinCountyQuery } from './bulletin-state';

/**
 * The queries a fresh visit runs first, in two parts. `first`: what the overview's first numbers
 * need, and nothing else, so that its file is small to fetch and parse (~40 KB, not ~1 MB);
 * `more`: the trends page, the overview's carded units and the 排名, 三牌 and 通报 pages' default
 * assessment. The CLI precomputes exactly these, so a leader sees numbers before the 34 MB
 * engine has arrived.
 */
export function defaultViewQueries(
	config: Config,
	manifest: Manifest
): { first: ViewQuery[]; more: ViewQuery[] } {
	const overview = defaultOverviewState(manifest);
	const trends = defaultTrendsState(config, manifest);
	const first = unique([
		scopeUnitsQuery(overview.county),
		overviewQuery(config, manifest, overview)
	]);
	const more = unique([
		trendsQuery(config, trends),
		multiplesQuery(config, trends),
		...defaultAssessmentQueries(config, manifest)
	]).filter((q) => !first.some((f) => f.key === q.key));
	return { first, more };
}

/** The overview, rankings and cards pages may open on the same assessment: one result each. */
function unique(queries: (ViewQuery | null)[]): ViewQuery[] {
	const byKey = new Map(queries.filter((q): q is ViewQuery => q !== null).map((q) => [q.key, q]));
	return [...byKey.values()];
}

/**
 * The 排名 page's default ranking (and the 三牌 and 通报 pages', which are the same assessment),
 * with the county's values the 通报 leads with: `kaoping bulletin` prints without the engine.
 */
function defaultAssessmentQueries(config: Config, manifest: Manifest): ViewQuery[] {
	const state = defaultRankingsState(config, manifest);
	const period = parsePeriod(state.period);
	const plan = period ? planAssessment(config.schemes, period, 'township') : null;
	if (!plan) return [];
	const cards = defaultCardsState(config, manifest);
	const matrix = matrixQuery(
		config,
		matrixPlans(config, matrixPeriods(config, manifest, cards.period)),
		cards.county
	);
	const overview = parsePeriod(defaultOverviewState(manifest).period);
	const carded = overview ? planAssessment(config.schemes, overview, 'township') : null;
	const county = { county: state.county };
	return [
		assessmentUnitsQuery(state.county),
		incidentsQuery(),
		assessmentValuesQuery(config, plan, county),
		bulletinCountyQuery(config.catalog, plan.scheme, state.county, plan.period),
		...(matrix ? [matrix] : []),
		...(carded ? [assessmentValuesQuery(config, carded, county)] : [])
	];
}
