import { describe, expect, it } from 'vitest';
import { assess } from './index';
import { catalog, county, period, rowsFor, scheme2024, withScheme } from './fixture';
import type { Assessment, Card, CardStatus } from './types';

/**
 * Cards over three assessment periods — 2023 (last year's final), the 2024 half-year check and
 * the 2024 year end — for townships whose only fault is fee collection. The tiers and the
 * last-place veto are left out (in a county of four, three are 重点整改 and the township that
 * never rectifies is last two years running) so that only the yellow-card rules act.
 */
const scheme = withScheme({
	tiers: [scheme2024.tiers[0]],
	cards: {
		...scheme2024.cards,
		red: scheme2024.cards.red.filter((c) => c.when !== 'last_place_years')
	}
});
const units = county('990101', 4);
const codes = units.filter((u) => u.level === 'township').map((u) => u.code);
const periods = ['2023', '2024H1', '2024'];

const sequences: [name: string, fees: number[], expected: [Card | null, CardStatus | null][]][] = [
	[
		'a yellow not lifted escalates to black, then black is lifted',
		[49, 49, 85],
		[
			['yellow', 'issued'],
			['black', 'escalated'],
			[null, 'lifted']
		]
	],
	[
		'a yellow never rectified escalates, then black is held',
		[49, 49, 49],
		[
			['yellow', 'issued'],
			['black', 'escalated'],
			['black', 'held']
		]
	],
	[
		'a yellow rectified by the next period is lifted',
		[49, 85, 85],
		[
			['yellow', 'issued'],
			[null, 'lifted'],
			[null, null]
		]
	]
];

const values = sequences.flatMap(([, fees], k) =>
	periods.flatMap((p, j) => rowsFor(codes[k], p, { fee_collection_rate: fees[j] }))
);
values.push(...periods.flatMap((p) => rowsFor(codes[3], p)));

const at = (j: number): Assessment =>
	assess(values, scheme, {
		catalog,
		units,
		level: 'township',
		period: period(periods[j]),
		history: periods.slice(0, j).map((p) => ({ period: period(p) }))
	});
const results = periods.map((_, j) => at(j));
const unit = (j: number, k: number) => results[j].units.find((u) => u.code === codes[k])!;

describe('card lifecycle over three assessment periods', () => {
	it.each(sequences.map((s, k) => [s[0], k, s[2]] as const))('%s', (_name, k, expected) => {
		expect(periods.map((_, j) => [unit(j, k).card, unit(j, k).card_status])).toEqual(expected);
	});

	it('says why the yellow card turned black and why the black card was lifted', () => {
		expect(unit(1, 0).reasons).toEqual([
			'上期（2023年）黄牌未摘：本期仍有黄牌条件 → 黑牌',
			'社会抚养费征收到位率 49.00% 低于欠帐线 60.00%（得 5.70 分，不足 15.00 分的 60%）→ 黄牌'
		]);
		expect(unit(2, 0).reasons).toEqual(['上期（2024年上半年）黑牌摘牌：本期其条件均不成立']);
		expect(unit(1, 0).card_conditions).toEqual(['yellow']);
	});

	it('gives the same cards from finished assessments as from the rows', () => {
		const fromResults = assess(values, scheme, {
			catalog,
			units,
			level: 'township',
			period: period('2024'),
			history: [{ assessment: results[0] }, { assessment: results[1] }]
		});
		expect(fromResults.units.map((u) => [u.code, u.card, u.card_status])).toEqual(
			results[2].units.map((u) => [u.code, u.card, u.card_status])
		);
	});

	it('never carded the township without faults', () => {
		expect(periods.map((_, j) => unit(j, 3).card)).toEqual([null, null, null]);
	});
});
