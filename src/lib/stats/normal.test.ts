import { describe, expect, it } from 'vitest';
import { qnorm, Z95, Z998 } from './normal';

// Independent Φ: composite Simpson's rule on the density over [z − 12, z] (the mass below z − 12
// is < 1e-30 of any tail used here).
const density = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
function Phi(z: number): number {
	const steps = 20_000;
	const a = z - 12;
	const h = 12 / steps;
	let s = density(a) + density(z);
	for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * density(a + i * h);
	return (s * h) / 3;
}
/** Φ⁻¹ by bisection on the independent Φ. */
function zRef(p: number): number {
	let lo = -40;
	let hi = 40;
	for (let i = 0; i < 100; i++) {
		const mid = (lo + hi) / 2;
		if (p <= 0.5 ? Phi(mid) < p : Phi(-mid) > 1 - p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

describe('qnorm', () => {
	it.each([1e-10, 1e-4, 0.002, 0.01, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 0.998, 1 - 1e-6])(
		'qnorm(%d) matches Φ⁻¹ by bisection',
		(p) => {
			const z = zRef(p);
			expect(Math.abs(qnorm(p) - z)).toBeLessThan(1.2e-9 * Math.max(1, Math.abs(z)));
		}
	);
	it('uses the METHODS §2 constants for the 95% and 99.8% tails', () => {
		expect(qnorm(0.975)).toBe(Z95);
		expect(qnorm(0.025)).toBe(-Z95);
		expect(qnorm(0.999)).toBe(Z998);
		expect(qnorm(0.001)).toBe(-Z998);
		// and those constants are Φ⁻¹ to the 6 decimals printed
		expect(Math.abs(zRef(0.975) - Z95)).toBeLessThan(5e-7);
		expect(Math.abs(zRef(0.001) + Z998)).toBeLessThan(5e-7);
	});
	it('is infinite at 0 and 1 and NaN outside', () => {
		expect(qnorm(0)).toBe(-Infinity);
		expect(qnorm(1)).toBe(Infinity);
		expect(qnorm(1.5)).toBeNaN();
		expect(qnorm(NaN)).toBeNaN();
	});
});
