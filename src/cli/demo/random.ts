/**
 * Seeded randomness for the demo county. Everything random flows from here so that the same
 * arguments always give byte-identical files: no Math.random, no clock.
 */

/** FNV-1a over the parts, then a murmur3 finaliser so that near-identical keys spread apart. */
export function hash32(...parts: (number | string)[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		const text = `${typeof part}:${part}|`;
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193);
		}
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter generator): tiny, quick in JavaScript's 32-bit
 * integer arithmetic, and statistically far better than the LCGs that fit in as few lines.
 */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d = 1;

	/** A stream named by its parts: the same parts always give the same sequence. */
	constructor(...parts: (number | string)[]) {
		this.a = hash32(...parts, 'a');
		this.b = hash32(...parts, 'b');
		this.c = hash32(...parts, 'c');
		// The first outputs of a freshly keyed sfc32 are still correlated with the key.
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A uniform 32-bit unsigned integer. */
	next(): number {
		this.d = (this.d + 1) | 0;
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	float(): number {
		return this.next() / 4294967296;
	}

	/** Uniform in [lo, hi). */
	range(lo: number, hi: number): number {
		return lo + (hi - lo) * this.float();
	}

	/** Uniform integer in [lo, hi], both inclusive. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.float() * (hi - lo + 1));
	}

	chance(p: number): boolean {
		return this.float() < p;
	}

	/** Standard normal (Box–Muller; the second value is dropped to keep the stream stateless). */
	normal(): number {
		const u = 1 - this.float();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
	}

	poisson(lambda: number): number {
		if (lambda <= 0) return 0;
		if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
		const limit = Math.exp(-lambda);
		let k = 0;
		let p = this.float();
		while (p > limit) {
			k++;
			p *= this.float();
		}
		return k;
	}

	binomial(n: number, p: number): number {
		if (n <= 0 || p <= 0) return 0;
		if (p >= 1) return n;
		if (n > 40) {
			const sd = Math.sqrt(n * p * (1 - p));
			return Math.min(n, Math.max(0, Math.round(n * p + sd * this.normal())));
		}
		let k = 0;
		for (let i = 0; i < n; i++) if (this.float() < p) k++;
		return k;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.float() * items.length)];
	}

	/** Fisher–Yates, in place. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.float() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
}

/**
 * Stochastic rounding with error feedback: each call returns k of n events (0 ≤ k ≤ n) near
 * n × p, and the running total of a tracker stays within about one event of the expected share.
 * Plain binomial draws would let a township's yearly rate (150 births, say) wander by several
 * points, pushing designed figures such as a 49% fee collection out of their band; this keeps
 * the design while single village-months still vary.
 */
export class ShareTracker {
	private debt = 0;

	constructor(private readonly rng: Rng) {}

	take(n: number, p: number): number {
		if (n <= 0) return 0;
		const exact = n * p;
		const k = Math.min(n, Math.max(0, Math.floor(exact + this.debt + this.rng.float())));
		// Bounded so that a long run of clamped months cannot build a burst later.
		this.debt = Math.max(-3, Math.min(3, this.debt + exact - k));
		return k;
	}
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));

/** Shifts a probability on the logit scale: a lagging village is worse by "the same effort". */
export const shiftRate = (p: number, offset: number) =>
	offset === 0 ? p : logistic(logit(clamp(p, 1e-6, 1 - 1e-6)) + offset);
