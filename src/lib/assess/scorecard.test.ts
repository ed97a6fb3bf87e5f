import { describe, expect, it } from 'vitest';
import type { Scheme } from '../config/scheme';
import { county, catalog, period, rowsFor, scheme2024, withScheme } from './fixture';
import { prepare } from './prepare';
import { scoreValue, prorateFactor } from './score';
import { scorePeriod } from './scorecard';

/**
 * The column loops of scorecard.ts restate the rules of score.ts for speed; this holds the two
 * equal for every rule, across each rule's edges, for missing values and prorated targets.
 */
const values = [
	null,
	0,
	0.5,
	1,
	2.6,
	3,
	5,
	7,
	20,
	35,
	45,
	60,
	69.9,
	70,
	80,
	90,
	95,
	99,
	102,
	103,
	107,
	112,
	117,
	130
];
const ids = Object.keys(scheme2024.indicators);
const units = county('990101', values.length);
const codes = units.filter((u) => u.level === 'township').map((u) => u.code);
const rows = codes.flatMap((code, k) =>
	['2024H1', '2024'].flatMap((p) =>
		rowsFor(code, p, Object.fromEntries(ids.map((id) => [id, values[k]])))
	)
);
const prepared = prepare(rows, { catalog, units, level: 'township', period: period('2024') });

describe('scorecard columns equal scoreValue', () => {
	const cases: [name: string, scheme: Scheme, period: string, months: number][] = [
		['the 2024 scheme at year end (linear, linear_lower, band)', scheme2024, '2024', 12],
		['the 2024 scheme at the half-year check (prorated task)', scheme2024, '2024H1', 6],
		[
			'a zero rule',
			withScheme({
				indicators: {
					...scheme2024.indicators,
					unreported_birth_rate: { rule: 'zero', weight: 10, key: false }
				}
			}),
			'2024',
			12
		]
	];
	it.each(cases)('%s', (_name, scheme, p, months) => {
		const card = scorePeriod(prepared, scheme, period(p), months);
		for (const x of card.indicators)
			codes.forEach((_, i) => {
				const want = scoreValue(x.scoring, values[i], prorateFactor(x.scoring, months));
				expect(x.score![i], `${x.id} at ${values[i]}`).toBeCloseTo(want, 9);
			});
		expect([...card.eligible]).toEqual(values.map((v) => (v === null ? 0 : 1)));
	});
});
