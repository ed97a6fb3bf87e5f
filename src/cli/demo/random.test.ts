import { describe, expect, it } from 'vitest';
import { hash32, Rng, shiftRate, ShareTracker } from './random';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
	it('repeats the same stream for the same parts', () => {
		expect(draw(new Rng(1, 'reports', '990101001'), 50)).toEqual(
			draw(new Rng(1, 'reports', '990101001'), 50)
		);
	});

	const differing: [string, Rng, Rng][] = [
		['seed', new Rng(1, 'x'), new Rng(2, 'x')],
		['label', new Rng(1, 'reports'), new Rng(1, 'params')],
		['number versus text', new Rng(1), new Rng('1')],
		['part boundaries', new Rng('ab', 'c'), new Rng('a', 'bc')]
	];
	it.each(differing)('gives a different stream for a different %s', (_case, a, b) => {
		expect(draw(a, 8)).not.toEqual(draw(b, 8));
	});

	it('hashes near-identical keys far apart', () => {
		const bits = (x: number) =>
			x
				.toString(2)
				.split('')
				.filter((c) => c === '1').length;
		expect(bits(hash32('990101001') ^ hash32('990101002'))).toBeGreaterThan(8);
	});

	it('keeps int() inside its inclusive bounds and reaches both ends', () => {
		const rng = new Rng(7);
		const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 6)));
		expect([...seen].sort()).toEqual([3, 4, 5, 6]);
	});

	const means: [string, (r: Rng) => number, number, number][] = [
		['float', (r) => r.float(), 0.5, 0.01],
		['normal', (r) => r.normal(), 0, 0.03],
		['poisson(0.8)', (r) => r.poisson(0.8), 0.8, 0.03],
		['poisson(12)', (r) => r.poisson(12), 12, 0.15],
		['poisson(90), normal approximation', (r) => r.poisson(90), 90, 0.5],
		['binomial(10, 0.3)', (r) => r.binomial(10, 0.3), 3, 0.05],
		['binomial(400, 0.9), normal approximation', (r) => r.binomial(400, 0.9), 360, 0.5]
	];
	it.each(means)('draws %s with the right mean', (_case, f, mean, tolerance) => {
		const rng = new Rng(11);
		const n = 20_000;
		let sum = 0;
		for (let i = 0; i < n; i++) sum += f(rng);
		expect(Math.abs(sum / n - mean)).toBeLessThan(tolerance);
	});

	it('never draws a binomial outside 0…n', () => {
		const rng = new Rng(3);
		for (let i = 0; i < 2000; i++) {
			const k = rng.binomial(50, 0.98);
			expect(k >= 0 && k <= 50).toBe(true);
		}
	});
});

describe('ShareTracker', () => {
	it('keeps the running total within about one event of n × p', () => {
		const rng = new Rng(5);
		const tracker = new ShareTracker(rng);
		let n = 0;
		let k = 0;
		for (let i = 0; i < 5000; i++) {
			const events = rng.poisson(0.9);
			const got = tracker.take(events, 0.541);
			expect(got >= 0 && got <= events).toBe(true);
			n += events;
			k += got;
			expect(Math.abs(k - n * 0.541)).toBeLessThan(2);
		}
	});

	it('still varies month to month instead of repeating one value', () => {
		const tracker = new ShareTracker(new Rng(9));
		const results = new Set(Array.from({ length: 50 }, () => tracker.take(10, 0.55)));
		expect(results.size).toBeGreaterThan(1);
	});
});

describe('shiftRate', () => {
	it('lowers a rate for a negative offset and leaves it for zero', () => {
		expect(shiftRate(0.9, 0)).toBe(0.9);
		expect(shiftRate(0.9, -1)).toBeLessThan(0.9);
		expect(shiftRate(0.9, -1)).toBeGreaterThan(0.7);
		expect(shiftRate(0.9, 1)).toBeLessThan(1);
	});
});
