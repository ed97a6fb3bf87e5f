/**
 * Over-dispersion of a funnel plot (METHODS §3; Spiegelhalter 2005 §5): the multiplicative
 * factor φ from Winsorised z-scores, the DerSimonian–Laird additive τ², and the widened limits.
 * An optional switch, off by default: with many large units real between-unit differences
 * exceed binomial noise and nearly every point falls outside the plain limits.
 */
import { funnelLimits, type FunnelLimits } from './funnel';
import { quantileSorted } from './quantile';
import { Z95, Z998 } from './normal';

/** One unit of the funnel: its proportion and denominator. */
export interface DispersionUnit {
	/** The unit's proportion y_i (0…1). */
	value: number;
	/** Its denominator n_i; units with n ≤ 0 or a non-finite value are left out. */
	n: number;
}

/** The estimate, with the z-scores behind it for display. */
export interface Overdispersion {
	/** φ = mean of the Winsorised z²; NaN when θ₀ is 0 or 1 or no unit qualifies. */
	phi: number;
	/** DerSimonian–Laird τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)); NaN like φ, 0 if I = 1. */
	tau2: number;
	/** I, the number of units used. */
	count: number;
	/** z_i = (y_i − θ₀)/s_i per input unit (NaN for a unit left out), before Winsorising. */
	z: number[];
	/** The 10th and 90th percentiles (type 7) at which the z_i were Winsorised. */
	winsorisedAt: [number, number];
}

/**
 * Estimates over-dispersion around θ₀ (METHODS §3): z_i = (y_i − θ₀)/s_i with
 * s_i = √(θ₀(1−θ₀)/n_i); Winsorise the z_i at their 10th and 90th percentiles; φ = (1/I)·Σ z_i².
 * The percentiles are type 7 (see quantile.ts), the usual reading of "10% Winsorised".
 */
export function overdispersion(units: readonly DispersionUnit[], theta0: number): Overdispersion {
	const v = theta0 * (1 - theta0);
	const z = units.map((u) =>
		u.n > 0 && Number.isFinite(u.value) && v > 0 ? (u.value - theta0) / Math.sqrt(v / u.n) : NaN
	);
	const used = z.filter((x) => !Number.isNaN(x));
	const count = used.length;
	if (count === 0) return { phi: NaN, tau2: NaN, count, z, winsorisedAt: [NaN, NaN] };

	const sorted = Float64Array.from(used).sort();
	const lo = quantileSorted(sorted, 0.1);
	const hi = quantileSorted(sorted, 0.9);
	let sumSq = 0;
	for (const x of used) {
		const w = x < lo ? lo : x > hi ? hi : x;
		sumSq += w * w;
	}
	const phi = sumSq / count;

	// DerSimonian–Laird with w_i = 1/s_i² = n_i / (θ₀(1−θ₀)), using the Winsorised φ (METHODS §3)
	let sw = 0;
	let sw2 = 0;
	units.forEach((u, i) => {
		if (Number.isNaN(z[i])) return;
		const w = u.n / v;
		sw += w;
		sw2 += w * w;
	});
	const denominator = sw - sw2 / sw;
	const tau2 = denominator > 0 ? Math.max(0, (count * phi - (count - 1)) / denominator) : 0;
	return { phi, tau2, count, z, winsorisedAt: [lo, hi] };
}

/** Limits θ₀ ± z·spread at the four standard tails, clipped to [0, 1]. */
function normalLimits(theta0: number, n: number, spread: number): FunnelLimits {
	const clip01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
	return {
		n,
		lower998: clip01(theta0 - Z998 * spread),
		lower95: clip01(theta0 - Z95 * spread),
		upper95: clip01(theta0 + Z95 * spread),
		upper998: clip01(theta0 + Z998 * spread)
	};
}

/**
 * Multiplicative over-dispersed limits θ₀ ± z·√φ·s at denominator n (METHODS §3). When φ ≤ 1
 * (or is NaN) there is no over-dispersion to allow for and the exact binomial limits of §2 are
 * returned unchanged.
 */
export function overdispersedLimits(theta0: number, n: number, phi: number): FunnelLimits {
	if (!(phi > 1)) return funnelLimits(theta0, n);
	return normalLimits(theta0, n, Math.sqrt((phi * theta0 * (1 - theta0)) / n));
}

/**
 * Additive (random-effects) limits θ₀ ± z·√(s² + τ²) at denominator n (METHODS §3, the
 * DerSimonian–Laird variant). When τ² is 0 (or NaN) the exact binomial limits are returned.
 */
export function additiveLimits(theta0: number, n: number, tau2: number): FunnelLimits {
	if (!(tau2 > 0)) return funnelLimits(theta0, n);
	return normalLimits(theta0, n, Math.sqrt((theta0 * (1 - theta0)) / n + tau2));
}
