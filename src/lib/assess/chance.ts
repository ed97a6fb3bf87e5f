import type { Catalog } from '../config/catalog-schema';
import type { Scheme, Scoring } from '../config/scheme';
import type { Period } from '../periods';
import {
	bandLimits,
	classify,
	funnelLimits,
	pooledProportion,
	proportionToRatio,
	ratioToProportion,
	type FunnelClass,
	type FunnelLimits
} from '../stats/funnel';
import {
	drawRanks,
	simulationChunks,
	summariseRanks,
	type IndicatorKind,
	type RankDraws,
	type RankIntervalInput
} from '../stats/rank-interval';
import { weightSensitivity } from '../stats/sensitivity';
import { elapsedMonths } from './periods';
import { composite, parseTiers, tierOf } from './rank';
import { prorateFactor, scorer } from './score';
import type { Assessment, CardReason, UnitAssessment } from './types';

/**
 * Whether a difference is real (METHODS.md): each unit's rank interval and tier probabilities
 * under chance, and each event-proportion indicator's place in the funnel of its peers. Pure and
 * seeded, so `kaoping assess` and the browser print the same figures. It never changes the
 * official result; it says how far to trust it.
 */
export interface UnitChance {
	rank_interval: [number, number];
	tier_probability: Record<string, number>;
	indicators: Record<string, IndicatorChance>;
}

export interface IndicatorChance {
	funnel: FunnelClass | null;
	limits95: [number, number] | null;
	limits998: [number, number] | null;
}

/** Event proportions (METHODS §1): numerator ⊂ denominator, both counts of people or events. */
const PROPORTIONS = new Set([
	'policy_compliance_rate',
	'contraceptive_prevalence',
	'checkup_rate',
	'floating_check_rate',
	'floating_feedback_rate',
	'unreported_birth_rate',
	'report_timeliness'
]);

export function kindOf(catalog: Catalog, id: string): IndicatorKind {
	if (id === 'sex_ratio_at_birth') return 'sex_ratio';
	const ind = catalog.indicators.find((i) => i.id === id);
	return ind && ind.unit === 'percent' && PROPORTIONS.has(id) ? 'proportion' : 'fixed';
}

export interface ChanceOptions {
	simulations?: number;
	seed?: number;
	/** Which units are ranked together (their county); default: by parent. */
	groupOf?: (u: UnitAssessment) => string;
}

/** One ranking group (a county's townships or villages) as the simulation's input. */
interface RankGroup {
	units: UnitAssessment[];
	input: RankIntervalInput;
}

function rankGroups(
	assessment: Assessment,
	scheme: Scheme,
	catalog: Catalog,
	period: Period,
	opts: ChanceOptions
): RankGroup[] {
	const ids = Object.keys(scheme.indicators);
	const kinds = ids.map((id) => kindOf(catalog, id));
	const months = elapsedMonths(period);
	const scorers = ids.map((id) => {
		const s = scheme.indicators[id] as Scoring;
		return scorer(s, prorateFactor(s, months));
	});
	const tiers = assessment.level === 'township' ? parseTiers(scheme.tiers) : [];
	const groups = new Map<string, UnitAssessment[]>();
	for (const u of assessment.units) {
		if (u.rank === null) continue;
		const key = opts.groupOf?.(u) ?? u.parent_code ?? '';
		groups.set(key, [...(groups.get(key) ?? []), u]);
	}
	return [...groups.values()].map((units) => {
		const cells = units.map((u) =>
			ids.map((id, k) => {
				const s = u.indicators[id];
				const value = s?.value ?? NaN;
				// n = 0: nothing to draw from, the observed value stays (no data: NaN, 0 points)
				if (!s || kinds[k] === 'fixed' || s.numerator === null || s.denominator === null)
					return kinds[k] === 'fixed' ? { value } : { value, y: 0, n: 0 };
				const [y, n] =
					kinds[k] === 'sex_ratio'
						? [s.numerator, s.numerator + s.denominator]
						: [s.numerator, s.denominator];
				// only counts can be drawn from; anything else (a county's own catalog) stays as observed
				return isCount(y, n) ? { value, y, n } : { value, y: 0, n: 0 };
			})
		);
		const input: RankIntervalInput = {
			indicators: kinds.map((kind) => ({ kind, scale: 100 })),
			cells,
			score: (_u, values) => {
				let sum = 0;
				for (let k = 0; k < scorers.length; k++)
					if (Number.isFinite(values[k])) sum += scorers[k](values[k]);
				return composite(sum);
			},
			simulations: opts.simulations,
			seed: opts.seed,
			tierOf: tiers.length ? (rank) => tierOf(Math.round(rank), units.length, tiers) : undefined
		};
		return { units, input };
	});
}

/** The simulation's chunks (see CHUNK_SIMULATIONS), to share out among workers. */
export function chanceChunks(opts: ChanceOptions = {}): number[] {
	return simulationChunks(opts.simulations ?? 1000);
}

/**
 * One worker's share of the rank simulation: the given chunks drawn for every ranking group, in
 * the order chanceFromDraws expects. Same arguments as chanceOf.
 */
export function chanceDraws(
	assessment: Assessment,
	scheme: Scheme,
	catalog: Catalog,
	period: Period,
	chunks: readonly number[],
	opts: ChanceOptions = {}
): RankDraws[] {
	return rankGroups(assessment, scheme, catalog, period, opts).map((g) =>
		drawRanks(g.input, chunks)
	);
}

/**
 * Rank intervals, tier probabilities and funnel places for every ranked unit, by group, from the
 * draws of every chunk (parts[w] = what chanceDraws returned to worker w).
 */
export function chanceFromDraws(
	assessment: Assessment,
	scheme: Scheme,
	catalog: Catalog,
	period: Period,
	parts: readonly RankDraws[][],
	opts: ChanceOptions = {}
): Map<string, UnitChance> {
	const ids = Object.keys(scheme.indicators);
	const kinds = ids.map((id) => kindOf(catalog, id));
	const out = new Map<string, UnitChance>();
	rankGroups(assessment, scheme, catalog, period, opts).forEach(({ units, input }, g) => {
		const result = summariseRanks(
			input,
			parts.map((p) => p[g])
		);
		const funnels = ids.map((id, k) => funnelsOf(units, id, kinds[k], scheme.indicators[id]));
		units.forEach((u, i) => {
			const r = result.units[i];
			out.set(u.code, {
				rank_interval: [r.lower, r.upper],
				tier_probability: r.tierProbabilities,
				indicators: Object.fromEntries(ids.map((id, k) => [id, funnels[k][i]]))
			});
		});
	});
	return out;
}

/** Rank intervals, tier probabilities and funnel places, every chunk drawn in this thread. */
export function chanceOf(
	assessment: Assessment,
	scheme: Scheme,
	catalog: Catalog,
	period: Period,
	opts: ChanceOptions = {}
): Map<string, UnitChance> {
	const draws = chanceDraws(assessment, scheme, catalog, period, chanceChunks(opts), opts);
	return chanceFromDraws(assessment, scheme, catalog, period, [draws], opts);
}

const isCount = (y: number, n: number) =>
	Number.isInteger(y) && Number.isInteger(n) && y >= 0 && y <= n;

const NONE: IndicatorChance = { funnel: null, limits95: null, limits998: null };

/**
 * Each unit's funnel place for one indicator, against the pooled value of its peers — or, for a
 * band rule (the sex ratio), against the band's own ends (METHODS §2). Limits on the indicator's
 * scale at the unit's denominator.
 */
function funnelsOf(
	units: readonly UnitAssessment[],
	id: string,
	kind: IndicatorKind,
	scoring: Scoring
): IndicatorChance[] {
	if (kind === 'fixed') return units.map(() => NONE);
	const counts = units.map((u) => {
		const s = u.indicators[id];
		if (!s || s.numerator === null || s.denominator === null) return null;
		return kind === 'sex_ratio'
			? { y: s.numerator, n: s.numerator + s.denominator }
			: { y: s.numerator, n: s.denominator };
	});
	const known = counts.filter(
		(c): c is { y: number; n: number } => c !== null && c.n > 0 && isCount(c.y, c.n)
	);
	if (!known.length) return units.map(() => NONE);
	const theta = pooledProportion(known);
	const toScale = (q: number) => (kind === 'sex_ratio' ? proportionToRatio(q) : q * 100);
	return counts.map((c) => {
		if (!c || c.n <= 0 || !isCount(c.y, c.n)) return NONE;
		const limits: FunnelLimits =
			scoring.rule === 'band'
				? bandLimits(ratioToProportion(scoring.low), ratioToProportion(scoring.high), c.n)
				: funnelLimits(theta, c.n);
		return {
			funnel: classify(c.y / c.n, limits),
			limits95: [toScale(limits.lower95), toScale(limits.upper95)],
			limits998: [toScale(limits.lower998), toScale(limits.upper998)]
		};
	});
}

/**
 * A card resting on one reason — one event-proportion indicator in arrears — whose value lies
 * inside the 95% limits of the arrears line at the unit's own denominator: the card stands (the
 * scheme decides), but chance alone could have put the unit on that side of the line. The
 * reason that deserves the caveat, or null.
 */
export function chanceCaveat(u: UnitAssessment, catalog: Catalog): CardReason | null {
	const reasons = u.reason_details.filter((r) => r.card === u.card && r.rule !== 'lifted');
	if (!u.card || reasons.length !== 1) return null;
	const [r] = reasons;
	if (r.rule !== 'key_in_arrears' || !r.indicator || typeof r.threshold !== 'number') return null;
	if (kindOf(catalog, r.indicator) !== 'proportion') return null;
	const s = u.indicators[r.indicator];
	if (!s || s.numerator === null || !s.denominator) return null;
	const limits = funnelLimits(r.threshold / 100, s.denominator);
	return classify(s.numerator / s.denominator, limits) === 'inside' ? r : null;
}

/** One unit under ±20% weight changes (METHODS §5). */
export interface UnitSensitivity {
	code: string;
	name: string;
	rank: number | null;
	/** 5th–95th percentile of its ranks over the runs. */
	range: [number, number];
	/** Its tier changes in more than 5% of the runs. */
	tierUnstable: boolean;
}

export interface Sensitivity {
	units: UnitSensitivity[];
	/** For the last place: the single ±20% weight changes that move it out of last place. */
	escapes: { code: string; indicator: string; change: number }[];
}

/**
 * 权重敏感性: every weight multiplied by U(0.8, 1.2) 1,000 seeded times (rescaled to 100),
 * composites recomputed from each unit's observed score shares; which ranks and tiers hold.
 */
export function weightSensitivityOf(
	units: readonly UnitAssessment[],
	scheme: Scheme,
	level: Assessment['level'],
	opts: { runs?: number; seed?: number } = {}
): Sensitivity {
	const ranked = units.filter((u) => u.rank !== null);
	const ids = Object.keys(scheme.indicators);
	const tiers = level === 'township' ? parseTiers(scheme.tiers) : [];
	const result = weightSensitivity({
		weights: ids.map((id) => scheme.indicators[id].weight),
		fractions: ranked.map((u) =>
			ids.map((id) => {
				const s = u.indicators[id];
				return s && s.weight > 0 ? s.score / s.weight : 0;
			})
		),
		runs: opts.runs,
		seed: opts.seed,
		tierOf: tiers.length ? (rank) => tierOf(Math.round(rank), ranked.length, tiers) : undefined
	});
	return {
		units: ranked.map((u, i) => ({
			code: u.code,
			name: u.name,
			rank: u.rank,
			range: [result.units[i].low, result.units[i].high],
			tierUnstable: result.units[i].tierUnstable
		})),
		escapes: result.lastPlace.flatMap((l) =>
			l.escapes.map((e) => ({
				code: ranked[l.unit].code,
				indicator: ids[e.indicator],
				change: e.change
			}))
		)
	};
}
