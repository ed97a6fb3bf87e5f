import { describe, expect, it } from 'vitest';
import { weightSensitivity, type SensitivityInput } from './sensitivity';

describe('weightSensitivity (METHODS §5)', () => {
	// Hand-worked last place. Weights 50/50; composites A = 50·1 + 50·0 = 50, B = 50·0 + 50·0.98
	// = 49 (last), C = 90. A single ±20% change, rescaled to 100:
	//   w1 −20%: (40, 50) → (44.4, 55.6): A 44.4, B 54.4 → B escapes, A last
	//   w1 +20%: (60, 50) → (54.5, 45.5): A 54.5, B 44.5 → B stays last
	//   w2 −20%: (50, 40) → (55.6, 44.4): A 55.6, B 43.6 → B stays last
	//   w2 +20%: (50, 60) → (45.5, 54.5): A 45.5, B 53.5 → B escapes, A last
	const threeUnits: SensitivityInput = {
		weights: [50, 50],
		fractions: [
			[1, 0],
			[0, 0.98],
			[0.9, 0.9]
		],
		seed: 5
	};

	it('finds the single weight changes that lift the last place', () => {
		const r = weightSensitivity(threeUnits);
		expect(r.units.map((u) => u.baseRank)).toEqual([2, 3, 1]);
		expect(r.lastPlace).toHaveLength(1);
		expect(r.lastPlace[0].unit).toBe(1);
		expect(r.lastPlace[0].escapes).toEqual([
			{ indicator: 0, change: -0.2, rank: 2, newLast: [0] },
			{ indicator: 1, change: 0.2, rank: 2, newLast: [0] }
		]);
	});

	it('reports no escape when the last place is last under every change', () => {
		const r = weightSensitivity({
			weights: [60, 40],
			fractions: [
				[1, 1],
				[0.2, 0.1],
				[0.8, 0.9]
			]
		});
		expect(r.lastPlace).toEqual([{ unit: 1, escapes: [] }]);
	});

	it('treats a tie for last as last for both units', () => {
		const r = weightSensitivity({
			weights: [50, 50],
			fractions: [
				[0.5, 0.5],
				[0.5, 0.5],
				[1, 1]
			],
			runs: 20
		});
		expect(r.lastPlace.map((l) => l.unit)).toEqual([0, 1]);
		expect(r.lastPlace.every((l) => l.escapes.length === 0)).toBe(true);
	});

	it('gives 5th–95th percentile ranks that are tight for dominant units and wide for close ones', () => {
		// unit 0 is best on both indicators: always 1st. Units 1 and 2 trade places with the
		// weights (A strong on indicator 0, B on indicator 1, equal at 50/50).
		const r = weightSensitivity({
			weights: [50, 50],
			fractions: [
				[1, 1],
				[0.8, 0.4],
				[0.4, 0.8],
				[0.1, 0.1]
			],
			seed: 9
		});
		expect(r.units[0]).toMatchObject({ baseRank: 1, low: 1, high: 1 });
		expect(r.units[3]).toMatchObject({ baseRank: 4, low: 4, high: 4 });
		expect(r.units[1]).toMatchObject({ baseRank: 2.5, low: 2, high: 3 });
		expect(r.units[2]).toMatchObject({ baseRank: 2.5, low: 2, high: 3 });
	});

	it('flags a tier that changes in more than 5% of runs', () => {
		const r = weightSensitivity({
			weights: [50, 50],
			fractions: [
				[1, 1],
				[0.8, 0.4],
				[0.4, 0.79],
				[0.1, 0.1]
			],
			tierOf: (rank) => (rank <= 2 ? 'advanced' : null),
			seed: 9
		});
		// base: unit 1 = 60, unit 2 = 59.5 → unit 1 is 2nd (advanced), unit 2 is 3rd
		expect(r.units[1].baseTier).toBe('advanced');
		expect(r.units[2].baseTier).toBeNull();
		// the ranking flips whenever w1/w2 < 0.39/0.40, i.e. in a large share of runs
		expect(r.units[1].tierChangeShare).toBeGreaterThan(0.05);
		expect(r.units[1].tierUnstable).toBe(true);
		expect(r.units[2].tierChangeShare).toBe(r.units[1].tierChangeShare);
		expect(r.units[0]).toMatchObject({
			baseTier: 'advanced',
			tierChangeShare: 0,
			tierUnstable: false
		});
	});

	it('is deterministic for a seed', () => {
		const input = {
			...threeUnits,
			fractions: [
				[0.5, 0.6],
				[0.6, 0.5],
				[0.55, 0.55],
				[0.4, 0.9]
			]
		};
		expect(weightSensitivity(input)).toEqual(weightSensitivity(input));
	});

	it('accepts a custom composite', () => {
		// a deduction scheme: the composite subtracts; rescaling still applies to the weights
		const seen: number[] = [];
		weightSensitivity({
			weights: [30, 70],
			fractions: [
				[1, 0],
				[0, 1]
			],
			runs: 50,
			composite: (_u, w, f) => (seen.push(w[0] + w[1]), 100 - w[0] * f[0] - w[1] * f[1])
		});
		// every run's weights add up to 100 (the base weights already do)
		for (const total of seen) expect(total).toBeCloseTo(100, 10);
	});

	it('rejects ragged fractions', () => {
		expect(() => weightSensitivity({ weights: [50, 50], fractions: [[1]] })).toThrow(RangeError);
	});
});
