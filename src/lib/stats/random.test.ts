import { describe, expect, it } from 'vitest';
import { Rng } from './random';

/** xoshiro128** written independently with BigInt arithmetic, straight from the reference C. */
function* referenceXoshiro(state: [number, number, number, number]) {
	const M = 0xffffffffn;
	const s = state.map((x) => BigInt(x >>> 0));
	const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
	for (;;) {
		const result = (rotl((s[1] * 5n) & M, 7n) * 9n) & M;
		const t = (s[1] << 9n) & M;
		s[2] ^= s[0];
		s[3] ^= s[1];
		s[1] ^= s[2];
		s[0] ^= s[3];
		s[2] ^= t;
		s[3] = rotl(s[3], 11n);
		yield Number(result);
	}
}

const take = (rng: Rng, k: number) => Array.from({ length: k }, () => rng.nextUint32());

describe('xoshiro128**', () => {
	it.each([
		// state {1, 2, 3, 4}: rotl(2·5, 7)·9 = 11520, then s1 becomes 0 so the second output is 0
		[
			[1, 2, 3, 4],
			[11520, 0]
		],
		// the reference C implementation's outputs for this state (published test data)
		[
			[0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0],
			[0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]
		]
	] as [[number, number, number, number], number[]][])('state %j', (state, expected) => {
		expect(take(Rng.fromState(...state), expected.length)).toEqual(expected);
	});

	it('matches an independent BigInt implementation for 1,000 outputs', () => {
		const state: [number, number, number, number] = [0xdeadbeef, 0x01234567, 0x89abcdef, 0x7];
		const ref = referenceXoshiro(state);
		const expected = Array.from({ length: 1000 }, () => ref.next().value as number);
		expect(take(Rng.fromState(...state), 1000)).toEqual(expected);
	});

	it('is deterministic for a seed and differs between seeds', () => {
		expect(take(new Rng(42), 20)).toEqual(take(new Rng(42), 20));
		expect(take(new Rng(42), 20)).not.toEqual(take(new Rng(43), 20));
		const a = new Rng(7);
		const b = new Rng(7);
		const draws = (r: Rng) => [r.uniform(), r.normal(), r.gamma(0.5), r.gamma(3), r.beta(2.5, 7)];
		expect(draws(a)).toEqual(draws(b));
	});
});

function moments(draw: () => number, count: number) {
	let sum = 0;
	let sumSq = 0;
	for (let i = 0; i < count; i++) {
		const x = draw();
		sum += x;
		sumSq += x * x;
	}
	const mean = sum / count;
	return { mean, variance: sumSq / count - mean * mean };
}

describe('samplers (fixed seed, 200,000 draws)', () => {
	const N = 200_000;

	it('uniform lies in (0, 1) with mean ½ and variance 1/12', () => {
		const rng = new Rng(1);
		let min = 1;
		let max = 0;
		const m = moments(() => {
			const u = rng.uniform();
			min = Math.min(min, u);
			max = Math.max(max, u);
			return u;
		}, N);
		expect(min).toBeGreaterThan(0);
		expect(max).toBeLessThan(1);
		expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.003);
		expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.001);
	});

	it('normal has mean 0 and variance 1', () => {
		const rng = new Rng(2);
		const m = moments(() => rng.normal(), N);
		expect(Math.abs(m.mean)).toBeLessThan(0.01);
		expect(Math.abs(m.variance - 1)).toBeLessThan(0.015);
	});

	// Gamma(k, 1): mean k, variance k
	it.each([0.3, 0.5, 1, 2.5, 30, 5000])('Gamma(%d) has mean and variance k', (k) => {
		const rng = new Rng(3);
		const m = moments(() => rng.gamma(k), N);
		expect(Math.abs(m.mean - k) / k).toBeLessThan(0.01);
		expect(Math.abs(m.variance - k) / k).toBeLessThan(0.03);
	});

	// Beta(a, b): mean a/(a+b), variance ab / ((a+b)²(a+b+1)); the Jeffreys posteriors of §4
	it.each([
		[0.5, 0.5],
		[0.5, 6.5],
		[2, 5],
		[3.5, 3.5],
		[40.5, 960.5],
		[51_200.5, 48_800.5]
	])('Beta(%d, %d) has the right mean and variance', (a, b) => {
		const rng = new Rng(4);
		const m = moments(() => rng.beta(a, b), N);
		const mean = a / (a + b);
		const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
		// 5 standard errors of the mean; 4% on the variance
		expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / N));
		expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.04);
	});

	it('rejects a non-positive Gamma shape', () => {
		expect(() => new Rng(1).gamma(0)).toThrow(RangeError);
	});
});

describe('Rng.stream', () => {
	it('gives each chunk of a seed its own reproducible stream', () => {
		const first = (rng: Rng) => Array.from({ length: 8 }, () => rng.nextUint32());
		const streams = [0, 1, 2, 3].map((i) => first(Rng.stream(20240101, i)));
		expect(first(Rng.stream(20240101, 2))).toEqual(streams[2]);
		// no two streams, nor the plain seed, start alike
		const all = [...streams, first(new Rng(20240101))].map((s) => s.join());
		expect(new Set(all).size).toBe(5);
		expect(first(Rng.stream(7, 0))).not.toEqual(streams[0]);
	});
});
