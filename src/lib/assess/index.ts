import type { Scheme } from '../config/scheme';
import type { IndicatorRow } from '../query/types';
import type { CardDecision } from './cards';
import {
	judgePeriod,
	lastPlaces,
	memoryOf,
	memoryOfAssessment,
	rankingRanks,
	type LastPlace,
	type Memory,
	type PeriodOutcome
} from './judge';
import { elapsedMonths, rectificationMonths } from './periods';
import { prepare, type Prepared } from './prepare';
import { ReasonText } from './reason-text';
import { UnitResult } from './result';
import type { AssessContext, Assessment, HistoryEntry, Ranking, Rectification } from './types';
import { rectify } from './villages';

export * from './types';
export { prepare, type Prepared } from './prepare';
export {
	assessmentPeriods,
	elapsedMonths,
	finalPeriod,
	rectificationMonths,
	schemeForPeriod,
	schemePeriods,
	type SchemeChoice
} from './periods';
export { arrearsLine, inArrears, prorateFactor, scoreValue } from './score';
export { parseTiers, rankWithinGroups, tierOf } from './rank';
export { cardStatus } from './cards';

/**
 * The assessment of one period: every unit's indicator scores, composite, rank, Δrank, tier
 * and card with its reasons. Pure and synchronous; `values` are the rows of one indicator
 * query covering the period, its history periods and (villages) the rectification months.
 */
export function assess(
	values: readonly IndicatorRow[],
	scheme: Scheme,
	context: AssessContext
): Assessment {
	return assessPrepared(prepare(values, context), scheme);
}

/** Judges values indexed once by `prepare` — the fast path when only the scheme changes. */
export function assessPrepared(prepared: Prepared, scheme: Scheme): Assessment {
	const ctx = prepared.context;
	const text = new ReasonText(ctx.catalog);
	const quiet = ReasonText.quiet(ctx.catalog);
	const finals = new Map<number, LastPlace>();
	for (const r of ctx.pastRankings ?? [])
		finals.set(r.year, lastPlaces(prepared, rankingRanks(prepared, r)));
	const given = new Set(finals.keys());
	let previous: Memory | null = null;
	for (const h of historyThatCounts(prepared)) {
		const m: Memory =
			'assessment' in h
				? memoryOfAssessment(prepared, h.assessment)
				: memoryOf(
						judgePeriod(
							prepared,
							h.scheme ?? scheme,
							h.period,
							elapsedMonths(h.period),
							previous,
							finals,
							quiet,
							false
						)
					);
		if (m.final && !given.has(m.year)) finals.set(m.year, lastPlaces(prepared, m.rank));
		previous = m;
	}
	const elapsed = ctx.elapsedMonths ?? elapsedMonths(ctx.period);
	const outcome = judgePeriod(prepared, scheme, ctx.period, elapsed, previous, finals, text);
	const decisions: CardDecision[] = outcome.decisions;
	const rectifications = new Map<number, Rectification>();
	if (ctx.level === 'village' && scheme.villages) {
		const window = rectificationMonths(scheme, ctx.period).map((p) => p.text);
		const checks = monthlyChecks(prepared, scheme, window, finals, quiet);
		decisions.forEach((d, i) => {
			const r = rectify(i, prepared.group[i], d, window, checks, text);
			if (r) {
				decisions[i] = r.decision;
				rectifications.set(i, r.rectification);
			}
		});
	}
	const prorated = outcome.scorecard.indicators
		.filter((x) => x.prorate < 1)
		.map((x) => text.prorated(x.id, elapsed));
	const notes = prorated.map((x) => x.zh);
	const noData = outcome.scorecard.indicators.map((x) => text.noData(x.id).zh);
	const order = Array.from(outcome.ranks.order);
	for (let i = 0; i < prepared.units.length; i++) if (!outcome.ranks.rank[i]) order.push(i);
	const units = order.map(
		(i) =>
			new UnitResult(prepared, outcome, decisions[i], previous, rectifications.get(i), noData, i)
	);
	return {
		scheme: scheme.name,
		scheme_year: scheme.year,
		period: ctx.period.text,
		final: outcome.final,
		level: ctx.level,
		previous_period: previous?.period ?? null,
		notes,
		notes_en: prorated.map((x) => x.en),
		units
	};
}

/**
 * A township's card carries conditions from period to period (a yellow not lifted turns black)
 * and its year-end ranks count for "last place two years running", so its whole history is
 * judged. A village's card depends only on the period itself, so only the last earlier period
 * counts (Δrank, issued or held): a third less work when a weight changes for 25,000 villages.
 */
function historyThatCounts(prepared: Prepared): readonly HistoryEntry[] {
	const history = prepared.context.history ?? [];
	return prepared.context.level === 'village' ? history.slice(-1) : history;
}

/** The window's months that have data, in order, stopping at the first that has none yet. */
function monthlyChecks(
	prepared: Prepared,
	scheme: Scheme,
	window: readonly string[],
	finals: ReadonlyMap<number, LastPlace>,
	quiet: ReasonText
): PeriodOutcome[] {
	const checks: PeriodOutcome[] = [];
	for (const month of window) {
		const p = (prepared.context.checks ?? []).find((c) => c.text === month);
		if (!p || !prepared.values.has(p.text)) break;
		checks.push(judgePeriod(prepared, scheme, p, elapsedMonths(p), null, finals, quiet, false));
	}
	return checks;
}

/** An assessment's ranks, as the final ranking of its year for a later `pastRankings`. */
export const rankingOf = (a: Assessment): Ranking => ({
	year: Number(a.period.slice(0, 4)),
	ranks: new Map(a.units.filter((u) => u.rank !== null).map((u) => [u.code, u.rank!]))
});
