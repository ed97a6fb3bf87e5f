/**
 * Sensitivity of the ranking to the weights (METHODS §5; OECD/JRC Handbook on constructing
 * composite indicators, 2008): S seeded runs, each weight multiplied by an independent
 * U(0.8, 1.2) factor and the weights rescaled to sum to 100; composites and ranks recomputed from
 * the observed per-indicator scores. Reports each unit's 5th–95th percentile rank, whether its
 * tier changes in more than 5% of runs, and which single ±20% weight change would lift the last
 * place out of last place.
 */
import { DEFAULT_SEED, Rng } from './random';
import { Ranker, sortRange, tierLookup, type TierOf } from './ranks';
import { quantileSorted } from './quantile';

/** Input of weightSensitivity. */
export interface SensitivityInput {
	/** The scheme's weights, one per indicator (they add up to 100 in a valid scheme). */
	weights: readonly number[];
	/**
	 * fractions[unit][indicator] = the unit's observed score on the indicator divided by its
	 * weight (0…1 under the 2024 rules), so that the composite is Σ weight · fraction.
	 */
	fractions: readonly (readonly number[])[];
	/**
	 * The composite for other schemes (deductions, caps): called with the run's weights and the
	 * unit's fractions (both reused buffers). Default Σ_k weights[k] · fractions[k].
	 */
	composite?: (unit: number, weights: Float64Array, fractions: Float64Array) => number;
	/** S, default 1000. */
	runs?: number;
	/** Default DEFAULT_SEED. */
	seed?: number;
	/** Rank 1 is the highest composite unless this is false. Default true. */
	higherIsBetter?: boolean;
	/** Maps an average rank to a tier name, or null for none. */
	tierOf?: TierOf;
	/** Half-width of the weight factor, default 0.2: factors U(0.8, 1.2), single changes ±20%. */
	spread?: number;
}

/** One unit's result. */
export interface UnitSensitivity {
	/** Rank with the scheme's weights (average rank on ties). */
	baseRank: number;
	/** floor of the 5th percentile (type 7) of the runs' ranks. */
	low: number;
	/** ceil of the 95th percentile (type 7) of the runs' ranks. */
	high: number;
	/** tierOf(baseRank), or null. */
	baseTier: string | null;
	/** Share of runs in which the unit's tier (or having none) differs from baseTier. */
	tierChangeShare: number;
	/** tierChangeShare > 0.05 (METHODS §5). */
	tierUnstable: boolean;
}

/** A single weight change that lifts a last-placed unit out of last place. */
export interface LastPlaceEscape {
	/** Index of the indicator whose weight changes. */
	indicator: number;
	/** Relative change of that weight before rescaling to 100: −0.2 or +0.2. */
	change: number;
	/** The unit's new (average) rank. */
	rank: number;
	/** The unit(s) in last place after the change. */
	newLast: number[];
}

/** A unit in last place with the scheme's weights (several when tied). */
export interface LastPlace {
	unit: number;
	/** Every single ±20% change that moves it out of last place; empty if none does. */
	escapes: LastPlaceEscape[];
}

/** Output of weightSensitivity, units in input order. */
export interface SensitivityResult {
	units: UnitSensitivity[];
	lastPlace: LastPlace[];
	runs: number;
	seed: number;
}

/** Runs the weight-sensitivity analysis of METHODS §5. Deterministic for a seed. */
export function weightSensitivity(input: SensitivityInput): SensitivityResult {
	const S = input.runs ?? 1000;
	const seed = input.seed ?? DEFAULT_SEED;
	const higher = input.higherIsBetter ?? true;
	const spread = input.spread ?? 0.2;
	if (!(Number.isInteger(S) && S >= 1)) throw new RangeError(`runs = ${S}`);
	if (!(spread >= 0 && spread < 1)) throw new RangeError(`spread = ${spread}`);
	const K = input.weights.length;
	const U = input.fractions.length;

	const base = Float64Array.from(input.weights);
	const flat = new Float64Array(U * K);
	input.fractions.forEach((row, u) => {
		if (row.length !== K) throw new RangeError(`unit ${u} has ${row.length} fractions, not ${K}`);
		flat.set(row, u * K);
	});
	const rows = Array.from({ length: U }, (_, u) => flat.subarray(u * K, u * K + K));
	const composite = input.composite ?? weightedSum;

	const ranker = new Ranker(U);
	const scores = new Float64Array(U);
	const rank = new Float64Array(U);
	const rankWith = (w: Float64Array) => {
		for (let u = 0; u < U; u++) scores[u] = composite(u, w, rows[u]);
		return ranker.rank(scores, higher, rank);
	};

	const baseRank = Array.from(rankWith(base));
	const tiers = tierLookup(U, input.tierOf);
	const baseTierIndex = baseRank.map((r) => tiers.index[2 * r]);
	const tierChanges = new Uint32Array(U);
	const ranks = new Float32Array(U * S); // ranks[u·S + s]
	const w = new Float64Array(K);
	const rng = new Rng(seed);

	for (let s = 0; s < S; s++) {
		for (let k = 0; k < K; k++) w[k] = base[k] * (1 - spread + 2 * spread * rng.uniform());
		rescale(w);
		rankWith(w);
		for (let u = 0; u < U; u++) {
			const r = rank[u];
			ranks[u * S + s] = r;
			if (tiers.index[2 * r] !== baseTierIndex[u]) tierChanges[u]++;
		}
	}

	const units: UnitSensitivity[] = [];
	for (let u = 0; u < U; u++) {
		sortRange(ranks, u * S, u * S + S - 1);
		const own = ranks.subarray(u * S, u * S + S);
		const share = tierChanges[u] / S;
		units.push({
			baseRank: baseRank[u],
			low: Math.floor(quantileSorted(own, 0.05)),
			high: Math.ceil(quantileSorted(own, 0.95)),
			baseTier: baseTierIndex[u] >= 0 ? tiers.names[baseTierIndex[u]] : null,
			tierChangeShare: share,
			tierUnstable: share > 0.05
		});
	}

	// Last place: try each weight at −20% and +20% (then rescaled to 100, as in the runs).
	const worst = Math.max(...baseRank);
	const lastPlace: LastPlace[] = [];
	for (let unit = 0; unit < U && U > 1; unit++) {
		if (baseRank[unit] !== worst) continue;
		const escapes: LastPlaceEscape[] = [];
		for (let k = 0; k < K; k++)
			for (const change of [-spread, spread]) {
				w.set(base);
				w[k] *= 1 + change;
				rescale(w);
				const r = rankWith(w);
				const newWorst = Math.max(...r);
				// Out of last place: some other unit now has a strictly worse composite. With average
				// ranks that is exactly r < worst rank (a tie for last keeps both at the worst rank).
				if (r[unit] < newWorst)
					escapes.push({
						indicator: k,
						change,
						rank: r[unit],
						newLast: indicesOf(r, newWorst)
					});
			}
		lastPlace.push({ unit, escapes });
	}
	return { units, lastPlace, runs: S, seed };
}

function weightedSum(_unit: number, weights: Float64Array, fractions: Float64Array): number {
	let s = 0;
	for (let k = 0; k < weights.length; k++) s += weights[k] * fractions[k];
	return s;
}

/** Rescales the weights to sum to 100 (METHODS §5). */
function rescale(w: Float64Array): void {
	let sum = 0;
	for (let k = 0; k < w.length; k++) sum += w[k];
	if (sum > 0) for (let k = 0; k < w.length; k++) w[k] *= 100 / sum;
}

function indicesOf(values: ArrayLike<number>, target: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < values.length; i++) if (values[i] === target) out.push(i);
	return out;
}
