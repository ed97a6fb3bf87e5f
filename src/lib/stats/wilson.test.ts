import { describe, expect, it } from 'vitest';
import { isSmallCount, wilsonInterval } from './wilson';

/** The Wilson bounds by definition: the roots of (p̂ − p)² = z² p(1 − p)/n, by bisection. */
function bisectBounds(k: number, n: number, z = 1.959964): [number, number] {
	const phat = k / n;
	const g = (p: number) => (phat - p) ** 2 - (z * z * p * (1 - p)) / n; // > 0 outside the interval
	const root = (lo: number, hi: number) => {
		// g(lo) and g(hi) have opposite signs
		const sLo = Math.sign(g(lo));
		for (let i = 0; i < 200; i++) {
			const mid = (lo + hi) / 2;
			if (Math.sign(g(mid)) === sLo) lo = mid;
			else hi = mid;
		}
		return (lo + hi) / 2;
	};
	// g < 0 strictly inside: start just off p̂ where g(p̂) could be 0 (p̂ = 0 or 1)
	return [k === 0 ? 0 : root(0, phat * (1 - 1e-15)), k === n ? 1 : root(Math.max(phat, 1e-300), 1)];
}

describe('wilsonInterval (METHODS §7)', () => {
	const cases: [number, number][] = [
		[0, 1],
		[1, 1],
		[0, 5],
		[2, 5],
		[5, 5],
		[3, 19],
		[10, 20],
		[81, 263],
		[499, 500],
		[0, 10_000]
	];
	it.each(cases)('%d of %d matches the defining equation', (k, n) => {
		const [lower, upper] = wilsonInterval(k, n);
		const [lo, hi] = bisectBounds(k, n);
		expect(lower).toBeCloseTo(lo, 12);
		expect(upper).toBeCloseTo(hi, 12);
		expect(lower).toBeLessThanOrEqual(k / n);
		expect(upper).toBeGreaterThanOrEqual(k / n);
	});

	it.each([
		// Newcombe (1998), Table I, method 3 (score interval without continuity correction)
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718]
	])('%d of %d: published [%d, %d]', (k, n, lo, hi) => {
		const [lower, upper] = wilsonInterval(k, n);
		expect(lower).toBeCloseTo(lo, 4);
		expect(upper).toBeCloseTo(hi, 4);
	});

	it('is [0, 1] with no denominator and rejects k outside 0…n', () => {
		expect(wilsonInterval(0, 0)).toEqual([0, 1]);
		expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
		expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
	});
});

describe('isSmallCount', () => {
	it.each([
		[0, true],
		[19, true],
		[20, false],
		[300, false]
	])('%d → %s', (n, expected) => {
		expect(isSmallCount(n)).toBe(expected);
	});
});
