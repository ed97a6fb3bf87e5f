/**
 * A small seeded pseudo-random number generator and the samplers METHODS §4 and §5 need.
 * Never Math.random: the browser and `kaoping assess` must print the same figures for a seed.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna 2018, https://prng.di.unimi.it/): 128-bit state,
 * period 2¹²⁸ − 1, 32-bit outputs, passes BigCrush; pure 32-bit integer arithmetic (Math.imul,
 * shifts), so every JavaScript engine produces the same bits. The four state words are filled
 * from the 32-bit seed by SplitMix32 (a Weyl sequence with step 0x9e3779b9 mixed by MurmurHash3's
 * fmix32), which spreads nearby seeds (1, 2, 3 …) into unrelated states.
 *
 * The floating-point samplers use Math.log / sqrt / pow. V8 (Node and Chromium) computes these
 * with the same code, so sampled values agree bit for bit there; another engine could differ in
 * the last bit of a logarithm, which can only matter at an accept/reject boundary.
 */

/** The seed used when the caller gives none (the same in the browser and the CLI). */
export const DEFAULT_SEED = 20240101;

const TWO_POW_MINUS_32 = 2 ** -32;

/** xoshiro128** with uniform, normal, Gamma and Beta samplers. Not cryptographic. */
export class Rng {
	private s0 = 0;
	private s1 = 0;
	private s2 = 0;
	private s3 = 0;
	private spare = 0;
	private hasSpare = false;

	/** Seeds from the low 32 bits of an integer (a fraction is truncated). */
	constructor(seed: number = DEFAULT_SEED) {
		let x = Math.trunc(seed) >>> 0;
		const next = () => {
			x = (x + 0x9e3779b9) | 0;
			let z = x;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return z ^ (z >>> 16);
		};
		this.setState(next(), next(), next(), next());
	}

	/**
	 * The generator of sub-stream `index` of `seed`: independent streams for work split into
	 * chunks (METHODS §4 runs its simulations in chunks across workers). The stream's seed is the
	 * seed mixed with the index by fmix32, so streams 0, 1, 2 … of one seed share no state words.
	 */
	static stream(seed: number, index: number): Rng {
		return new Rng((Math.trunc(seed) ^ fmix32(Math.imul(index + 1, 0x9e3779b9))) >>> 0);
	}

	/** A generator with the given state words (for tests against the reference implementation). */
	static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
		const rng = new Rng(0);
		rng.setState(s0, s1, s2, s3);
		return rng;
	}

	private setState(s0: number, s1: number, s2: number, s3: number): void {
		this.s0 = s0 | 0;
		this.s1 = s1 | 0;
		this.s2 = s2 | 0;
		this.s3 = s3 | 0;
		// the all-zero state is the generator's one fixed point
		if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
		this.hasSpare = false;
	}

	/** The next 32-bit output as an unsigned integer. */
	nextUint32(): number {
		const s1 = this.s1;
		const m = Math.imul(s1, 5);
		const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
		const t = s1 << 9;
		this.s2 ^= this.s0;
		this.s3 ^= s1;
		this.s1 ^= this.s2;
		this.s0 ^= this.s3;
		this.s2 ^= t;
		this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
		return result;
	}

	/** Uniform on the open interval (0, 1): (k + ½) / 2³², never 0 (logarithms stay finite). */
	uniform(): number {
		return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
	}

	/** Standard normal by Marsaglia's polar method; the second value of each pair is kept. */
	normal(): number {
		if (this.hasSpare) {
			this.hasSpare = false;
			return this.spare;
		}
		let u: number;
		let v: number;
		let s: number;
		do {
			u = 2 * this.uniform() - 1;
			v = 2 * this.uniform() - 1;
			s = u * u + v * v;
		} while (s >= 1 || s === 0);
		const m = Math.sqrt((-2 * Math.log(s)) / s);
		this.spare = v * m;
		this.hasSpare = true;
		return u * m;
	}

	/**
	 * Gamma(shape, 1) by Marsaglia & Tsang (2000). For shape < 1 it samples Gamma(shape + 1) and
	 * multiplies by U^(1/shape) (their §6 boost); METHODS §4 needs shape ½ when y = 0 or y = n.
	 */
	gamma(shape: number): number {
		const p = prepareGamma(shape);
		const g = this.gammaCore(p.d, p.c);
		return p.boost > 0 ? g * Math.pow(this.uniform(), p.boost) : g;
	}

	/**
	 * The Marsaglia–Tsang loop for Gamma(d + ⅓) with c = 1/√(9d), from prepareGamma. Loops that
	 * draw the same shape many times (METHODS §4) precompute d and c once per cell.
	 */
	gammaCore(d: number, c: number): number {
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = this.normal();
				v = 1 + c * x;
			} while (v <= 0);
			v = v * v * v;
			const u = this.uniform();
			const x2 = x * x;
			// the squeeze accepts ~98% without a logarithm
			if (u < 1 - 0.0331 * x2 * x2) return d * v;
			if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
		}
	}

	/**
	 * Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). The result may be exactly 0 or 1
	 * when one Gamma is negligible beside the other (for a, b ≥ ½ that happens about once in 10⁸).
	 */
	beta(a: number, b: number): number {
		const pa = prepareGamma(a);
		const pb = prepareGamma(b);
		return this.betaCore(pa.d, pa.c, pa.boost, pb.d, pb.c, pb.boost);
	}

	/** beta() with both shapes prepared by prepareGamma; draws exactly the same numbers. */
	betaCore(dA: number, cA: number, boostA: number, dB: number, cB: number, boostB: number): number {
		let x = this.gammaCore(dA, cA);
		if (boostA > 0) x *= Math.pow(this.uniform(), boostA);
		let y = this.gammaCore(dB, cB);
		if (boostB > 0) y *= Math.pow(this.uniform(), boostB);
		const s = x + y;
		// both underflowed (only for shapes far below ½): the limit law puts mass a/(a+b) at 1
		if (s === 0)
			return this.uniform() < shapeOf(dA, boostA) / (shapeOf(dA, boostA) + shapeOf(dB, boostB))
				? 1
				: 0;
		return x / s;
	}
}

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function fmix32(h: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/** Marsaglia–Tsang constants for one Gamma shape. */
export interface PreparedGamma {
	/** shape − ⅓, or shape + ⅔ when shape < 1 (sampled as Gamma(shape + 1)). */
	d: number;
	/** 1 / √(9d). */
	c: number;
	/** 1 / shape when shape < 1 (the U^(1/shape) boost), else 0. */
	boost: number;
}

/** Precomputes the Marsaglia–Tsang constants for Gamma(shape), shape > 0. */
export function prepareGamma(shape: number): PreparedGamma {
	if (!(shape > 0 && shape < Infinity))
		throw new RangeError(`Gamma shape ${shape} must be positive`);
	const boost = shape < 1 ? 1 / shape : 0;
	const d = (shape < 1 ? shape + 1 : shape) - 1 / 3;
	return { d, c: 1 / Math.sqrt(9 * d), boost };
}

function shapeOf(d: number, boost: number): number {
	return boost > 0 ? 1 / boost : d + 1 / 3;
}
