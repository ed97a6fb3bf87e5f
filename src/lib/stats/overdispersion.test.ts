import { describe, expect, it } from 'vitest';
import { funnelLimits } from './funnel';
import { additiveLimits, overdispersedLimits, overdispersion } from './overdispersion';

// Hand-computed fixture. θ₀ = ½ and n = 100 give s = √(¼/100) = 0.05, so a value v has
// z = (v − ½)/0.05. Ten units with z = −3, −2, −1, −½, 0, 0, ½, 1, 2, 4.
// Type-7 percentiles of the sorted z: 10th at h = 0.9 → −3 + 0.9·1 = −2.1;
// 90th at h = 8.1 → 2 + 0.1·2 = 2.2. Winsorised: −2.1, −2, −1, −½, 0, 0, ½, 1, 2, 2.2.
// Σ z² = 4.41 + 4 + 1 + 0.25 + 0 + 0 + 0.25 + 1 + 4 + 4.84 = 19.75, so φ = 1.975.
// DerSimonian–Laird: w = 1/s² = 400 each, Σw = 4000, Σw²/Σw = 400, so
// τ² = (10 · 1.975 − 9) / (4000 − 400) = 10.75 / 3600.
const values = [0.35, 0.4, 0.45, 0.475, 0.5, 0.5, 0.525, 0.55, 0.6, 0.7];
const fixture = values.map((value) => ({ value, n: 100 }));

describe('overdispersion (METHODS §3)', () => {
	it('computes φ and τ² on the hand-worked fixture', () => {
		const d = overdispersion(fixture, 0.5);
		expect(d.count).toBe(10);
		expect(d.winsorisedAt[0]).toBeCloseTo(-2.1, 12);
		expect(d.winsorisedAt[1]).toBeCloseTo(2.2, 12);
		expect(d.phi).toBeCloseTo(1.975, 12);
		expect(d.tau2).toBeCloseTo(10.75 / 3600, 14);
		expect(d.z.map((z) => Math.round(z * 1e9) / 1e9)).toEqual([
			-3, -2, -1, -0.5, 0, 0, 0.5, 1, 2, 4
		]);
	});

	it('leaves out units without a denominator and is the same in any order', () => {
		const mixed = [{ value: NaN, n: 0 }, ...[...fixture].reverse(), { value: 0.9, n: 0 }];
		const d = overdispersion(mixed, 0.5);
		expect(d.count).toBe(10);
		expect(d.phi).toBeCloseTo(1.975, 12);
		expect(d.z[0]).toBeNaN();
	});

	it('uses w = n/(θ₀(1−θ₀)) for unequal denominators', () => {
		// θ₀ = 0.2: v = 0.16. Two units: n = 100 (s = 0.04), n = 400 (s = 0.02).
		// values 0.28 → z = 2; 0.17 → z = −1.5. With two points the 10th/90th percentiles are
		// −1.5 + 0.1·3.5 = −1.15 and −1.5 + 0.9·3.5 = 1.65, so φ = (1.65² + 1.15²)/2 = 2.0225.
		// w = 625 and 2500: Σw = 3125, Σw² = 6,640,625, Σw²/Σw = 2125; τ² = (4.045 − 1)/1000.
		const d = overdispersion(
			[
				{ value: 0.28, n: 100 },
				{ value: 0.17, n: 400 }
			],
			0.2
		);
		expect(d.phi).toBeCloseTo(2.0225, 12);
		expect(d.tau2).toBeCloseTo(3.045 / 1000, 14);
	});

	it('gives τ² = 0 when the spread is within binomial noise', () => {
		const tight = [0.49, 0.5, 0.51, 0.5].map((value) => ({ value, n: 100 }));
		expect(overdispersion(tight, 0.5).tau2).toBe(0);
	});

	it('is undefined at θ₀ = 0 or 1 and with no units', () => {
		expect(overdispersion(fixture, 0).phi).toBeNaN();
		expect(overdispersion([], 0.5).phi).toBeNaN();
	});
});

describe('over-dispersed limits', () => {
	it('widens by √φ when φ > 1', () => {
		const s = Math.sqrt(0.25 / 100);
		const l = overdispersedLimits(0.5, 100, 1.975);
		expect(l.upper95).toBeCloseTo(0.5 + 1.959964 * Math.sqrt(1.975) * s, 14);
		expect(l.lower998).toBeCloseTo(0.5 - 3.090232 * Math.sqrt(1.975) * s, 14);
	});
	it('keeps the exact limits when φ ≤ 1', () => {
		expect(overdispersedLimits(0.3, 40, 0.8)).toEqual(funnelLimits(0.3, 40));
		expect(overdispersedLimits(0.3, 40, NaN)).toEqual(funnelLimits(0.3, 40));
	});
	it('adds τ² to the variance in the additive variant', () => {
		const l = additiveLimits(0.5, 100, 0.003);
		expect(l.upper998).toBeCloseTo(0.5 + 3.090232 * Math.sqrt(0.0025 + 0.003), 14);
		expect(additiveLimits(0.5, 100, 0)).toEqual(funnelLimits(0.5, 100));
	});
	it('clips to [0, 1]', () => {
		expect(overdispersedLimits(0.02, 5, 9).lower998).toBe(0);
	});
});
