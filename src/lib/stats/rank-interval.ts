/**
 * Rank intervals and tier probabilities by parametric simulation (METHODS §4; Goldstein &
 * Spiegelhalter 1996, Marshall & Spiegelhalter 1998).
 *
 * For S seeded simulations: draw every event proportion from its Jeffreys posterior
 * Beta(y + ½, n − y + ½) (the sex ratio through the proportion of boys), score and rank all units
 * with the caller's scheme, and record each unit's rank. The interval is the 2.5%–97.5% range of
 * those ranks. The point rank stays the observed rank; the interval never changes the result.
 *
 * Built for 1,500 units × 8 indicators × 1,000 simulations: flat typed arrays, one reused value
 * buffer, ranking without comparator callbacks, and a tier lookup table instead of calling back
 * per rank. That is still ~1.2 s on one core, so the simulations are drawn in chunks of seeded
 * streams (drawRanks) that workers share out and summariseRanks combines. Memory is one Float32
 * per unit per simulation (6 MB there).
 */
import { Rng, DEFAULT_SEED, prepareGamma } from './random';
import { Ranker, sortRange, tierLookup, type TierOf } from './ranks';
import { quantileSorted } from './quantile';
import { proportionToRatio } from './funnel';

/**
 * How an indicator varies by chance (METHODS §1): an event proportion, the sex ratio at birth
 * (y = boys, n = boys + girls), or a value kept as observed (money, task completion, counts that
 * must be zero).
 */
export type IndicatorKind = 'proportion' | 'sex_ratio' | 'fixed';

/** One indicator column of the input. */
export interface RankIndicator {
	kind: IndicatorKind;
	/**
	 * For 'proportion': the drawn q is passed to `score` as q · scale, so use 100 when the scheme
	 * scores percentages (as scheme-2024 does). Default 1. The sex ratio is always boys per 100
	 * girls; 'fixed' values are passed through.
	 */
	scale?: number;
}

/** One unit's figure for one indicator. */
export interface RankCell {
	/** The observed value on the scale `score` expects (used for the point rank, and as is for 'fixed'). */
	value: number;
	/** Numerator: events, or boys for the sex ratio. Needed unless the indicator is 'fixed'. */
	y?: number;
	/** Denominator: people at risk, or boys + girls. n = 0 keeps the observed value (nothing to draw). */
	n?: number;
}

/** Input of rankIntervals. */
export interface RankIntervalInput {
	indicators: readonly RankIndicator[];
	/** cells[unit][indicator]. */
	cells: readonly (readonly RankCell[])[];
	/**
	 * The scheme's composite for one unit. `values[k]` is indicator k's value in this simulation;
	 * the array is reused, so read it during the call only. Called units × (S + 1) times.
	 */
	score: (unit: number, values: Float64Array) => number;
	/** S, default 1000. */
	simulations?: number;
	/** Default DEFAULT_SEED; the same seed gives the same figures in the browser and the CLI. */
	seed?: number;
	/** Rank 1 is the highest composite unless this is false. Default true. */
	higherIsBetter?: boolean;
	/** Maps an average rank (1, 1.5, 2, …) to a tier name, or null for no tier. */
	tierOf?: TierOf;
	/** Central coverage of the interval, default 0.95 (the 2.5% and 97.5% quantiles). */
	level?: number;
}

/** One unit's result. */
export interface UnitRankInterval {
	/** The observed rank (average rank on ties), from the observed values. */
	pointRank: number;
	/** floor of the 2.5% quantile (type 7) of the simulated ranks. */
	lower: number;
	/** ceil of the 97.5% quantile (type 7) of the simulated ranks. */
	upper: number;
	/** Share of simulations in each tier; every tier name appears (0 if never reached). */
	tierProbabilities: Record<string, number>;
}

/** Output of rankIntervals, units in input order. */
export interface RankIntervalResult {
	units: UnitRankInterval[];
	/** Tier names in order of their best rank. */
	tiers: string[];
	simulations: number;
	seed: number;
}

const FIXED = 0;
const PROPORTION = 1;
const SEX_RATIO = 2;

/**
 * Simulations per chunk. Chunk c draws from its own stream, Rng.stream(seed, c), so chunks can
 * run in any worker and in any order and still combine into the figures of one serial run: the
 * browser spreads them over its cores, `kaoping assess` runs them one after another.
 */
export const CHUNK_SIMULATIONS = 125;

/** The chunk numbers 0 … C − 1 of S simulations. */
export function simulationChunks(simulations: number): number[] {
	return Array.from({ length: Math.ceil(simulations / CHUNK_SIMULATIONS) }, (_, c) => c);
}

/** The ranks drawn by some chunks of one simulation: what a worker hands back. */
export interface RankDraws {
	/** The chunks drawn. */
	chunks: number[];
	/** How many simulations they hold. */
	simulations: number;
	/** ranks[u · simulations + s]; ranks are multiples of ½, exact in Float32. */
	ranks: Float32Array;
	/** tierCount[u · tiers + t]: in how many of these simulations unit u fell in tier t. */
	tierCount: Uint32Array;
}

/** The input flattened for the inner loop. */
interface Flat {
	U: number;
	K: number;
	S: number;
	seed: number;
	higher: boolean;
	code: Uint8Array;
	gammaA: Float64Array;
	gammaB: Float64Array;
	observed: Float64Array;
	scale: Float64Array;
}

function flatten(input: RankIntervalInput): Flat {
	const { indicators, cells } = input;
	const S = input.simulations ?? 1000;
	if (!(Number.isInteger(S) && S >= 1)) throw new RangeError(`simulations = ${S}`);
	const U = cells.length;
	const K = indicators.length;
	// per cell a kind code, the Marsaglia–Tsang constants of the two Gamma shapes (prepared once,
	// not per draw), the scale and the observed value
	const code = new Uint8Array(U * K);
	const gammaA = new Float64Array(3 * U * K);
	const gammaB = new Float64Array(3 * U * K);
	const observed = new Float64Array(U * K);
	const scale = new Float64Array(K);
	for (let k = 0; k < K; k++) scale[k] = indicators[k].scale ?? 1;
	for (let u = 0; u < U; u++) {
		const row = cells[u];
		if (row.length !== K) throw new RangeError(`unit ${u} has ${row.length} cells, not ${K}`);
		for (let k = 0; k < K; k++) {
			const i = u * K + k;
			const cell = row[k];
			observed[i] = cell.value;
			const kind = indicators[k].kind;
			if (kind === 'fixed') continue;
			const y = cell.y ?? NaN;
			const n = cell.n ?? NaN;
			if (!(n >= 0 && y >= 0 && y <= n))
				throw new RangeError(`unit ${u}, indicator ${k}: y = ${y}, n = ${n} are not counts`);
			if (n === 0) continue; // no events: nothing to draw from, keep the observed value
			checkScale(u, k, kind, y, n, cell.value, scale[k]);
			code[i] = kind === 'proportion' ? PROPORTION : SEX_RATIO;
			// Jeffreys posterior Beta(y + ½, n − y + ½) (METHODS §4 step 1)
			const a = prepareGamma(y + 0.5);
			const b = prepareGamma(n - y + 0.5);
			gammaA.set([a.d, a.c, a.boost], 3 * i);
			gammaB.set([b.d, b.c, b.boost], 3 * i);
		}
	}
	const seed = input.seed ?? DEFAULT_SEED;
	const higher = input.higherIsBetter ?? true;
	return { U, K, S, seed, higher, code, gammaA, gammaB, observed, scale };
}

/**
 * Draws the given chunks of the simulation (METHODS §4 steps 1–3): every unit's values from their
 * posteriors, scored and ranked, each rank and tier recorded. Deterministic per chunk.
 */
export function drawRanks(input: RankIntervalInput, chunks: readonly number[]): RankDraws {
	const f = flatten(input);
	const { U, K, S, code, gammaA, gammaB, observed, scale } = f;
	const sims = chunks.map((c) => {
		if (!(Number.isInteger(c) && c >= 0 && c * CHUNK_SIMULATIONS < S))
			throw new RangeError(`chunk ${c} of ${S} simulations`);
		return Math.min(S, (c + 1) * CHUNK_SIMULATIONS) - c * CHUNK_SIMULATIONS;
	});
	const n = sims.reduce((a, b) => a + b, 0);
	const tiers = tierLookup(U, input.tierOf);
	const T = tiers.names.length;
	const tierIndex = tiers.index;
	const tierCount = new Uint32Array(U * T);
	const ranks = new Float32Array(U * n);
	const values = new Float64Array(K);
	const composite = new Float64Array(U);
	const rank = new Float64Array(U);
	const ranker = new Ranker(U);
	const { score } = input;

	let s = 0;
	chunks.forEach((c, ci) => {
		const rng = Rng.stream(f.seed, c);
		for (let end = s + sims[ci]; s < end; s++) {
			for (let u = 0; u < U; u++) {
				const base = u * K;
				for (let k = 0; k < K; k++) {
					const i = base + k;
					const kind = code[i];
					if (kind === FIXED) values[k] = observed[i];
					else {
						const j = 3 * i;
						const q = rng.betaCore(
							gammaA[j],
							gammaA[j + 1],
							gammaA[j + 2],
							gammaB[j],
							gammaB[j + 1],
							gammaB[j + 2]
						);
						values[k] = kind === PROPORTION ? q * scale[k] : proportionToRatio(q);
					}
				}
				composite[u] = score(u, values);
			}
			ranker.rank(composite, f.higher, rank);
			for (let u = 0; u < U; u++) {
				const r = rank[u];
				ranks[u * n + s] = r;
				const t = tierIndex[2 * r];
				if (t >= 0) tierCount[u * T + t]++;
			}
		}
	});
	return { chunks: [...chunks], simulations: n, ranks, tierCount };
}

/**
 * Combines draws that together hold every chunk exactly once into the intervals and tier
 * probabilities (METHODS §4 step 4). The order of the parts does not matter.
 */
export function summariseRanks(
	input: RankIntervalInput,
	parts: readonly RankDraws[]
): RankIntervalResult {
	const f = flatten(input);
	const { U, K, S } = f;
	const level = input.level ?? 0.95;
	if (!(level > 0 && level < 1)) throw new RangeError(`level = ${level}`);
	const drawn = parts.flatMap((p) => p.chunks).sort((a, b) => a - b);
	const expected = simulationChunks(S);
	if (drawn.length !== expected.length || drawn.some((c, i) => c !== expected[i]))
		throw new RangeError(`draws hold chunks [${drawn}], not each of 0…${expected.length - 1} once`);

	// point ranks from the observed values
	const values = new Float64Array(K);
	const composite = new Float64Array(U);
	for (let u = 0; u < U; u++) {
		values.set(f.observed.subarray(u * K, u * K + K));
		composite[u] = input.score(u, values);
	}
	const pointRank = new Ranker(U).rank(composite, f.higher);

	const tiers = tierLookup(U, input.tierOf);
	const T = tiers.names.length;
	const tail = (1 - level) / 2;
	const own = new Float32Array(S);
	const units: UnitRankInterval[] = [];
	for (let u = 0; u < U; u++) {
		let at = 0;
		const counts = new Uint32Array(T);
		for (const p of parts) {
			own.set(p.ranks.subarray(u * p.simulations, (u + 1) * p.simulations), at);
			at += p.simulations;
			for (let t = 0; t < T; t++) counts[t] += p.tierCount[u * T + t];
		}
		sortRange(own, 0, S - 1);
		const tierProbabilities: Record<string, number> = {};
		for (let t = 0; t < T; t++) tierProbabilities[tiers.names[t]] = counts[t] / S;
		units.push({
			pointRank: pointRank[u],
			// widen outward to whole ranks: an average rank such as 3.5 or an interpolated 3.2
			// becomes 3 below and 4 above, so the interval never claims more precision
			lower: Math.floor(quantileSorted(own, tail)),
			upper: Math.ceil(quantileSorted(own, 1 - tail)),
			tierProbabilities
		});
	}
	return { units, tiers: tiers.names, simulations: S, seed: f.seed };
}

/** Simulates rank intervals and tier probabilities (METHODS §4), every chunk in this thread. */
export function rankIntervals(input: RankIntervalInput): RankIntervalResult {
	return summariseRanks(input, [drawRanks(input, simulationChunks(input.simulations ?? 1000))]);
}

/**
 * Catches the likeliest integration mistake — a percentage scored against draws on 0…1 — by
 * requiring the observed value to be within 1% of the scale of y/n (after conversion).
 */
function checkScale(
	u: number,
	k: number,
	kind: IndicatorKind,
	y: number,
	n: number,
	value: number,
	scale: number
): void {
	if (!Number.isFinite(value)) return;
	const expected = kind === 'proportion' ? (y / n) * scale : proportionToRatio(y / n);
	const unit = kind === 'proportion' ? scale : 100;
	if (Math.abs(value - expected) > 0.01 * unit && expected !== Infinity)
		throw new RangeError(
			`unit ${u}, indicator ${k}: observed ${value} is not y/n = ${y}/${n} on this scale` +
				(kind === 'proportion' ? ` (× ${scale}); set RankIndicator.scale` : ' (boys per 100 girls)')
		);
}

/** An interval of ranks, lower ≤ upper. */
export interface RankRange {
	lower: number;
	upper: number;
}

/**
 * "Clearly separated" (METHODS §4): the two intervals do not overlap. Whole-rank intervals that
 * share an end rank (… 3] and [3 …) overlap.
 */
export function clearlySeparated(a: RankRange, b: RankRange): boolean {
	return a.upper < b.lower || b.upper < a.lower;
}

/**
 * Every clearly separated pair as [better, worse] unit indices, better first by interval.
 * O(U²) pairs in the worst case: meant for the units of one level (19 townships), not 1,500.
 */
export function separatedPairs(intervals: readonly RankRange[]): [number, number][] {
	const pairs: [number, number][] = [];
	for (let i = 0; i < intervals.length; i++)
		for (let j = i + 1; j < intervals.length; j++) {
			if (intervals[i].upper < intervals[j].lower) pairs.push([i, j]);
			else if (intervals[j].upper < intervals[i].lower) pairs.push([j, i]);
		}
	return pairs;
}
