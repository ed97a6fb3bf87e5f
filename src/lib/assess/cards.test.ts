import { describe, expect, it } from 'vitest';
import { cardStatus, decideCard, type CardFacts } from './cards';
import { catalog, scheme2024 } from './fixture';
import { ReasonText } from './reason-text';
import { arrearsLine, scoreValue } from './score';
import type { Card, CardStatus } from './types';

const text = new ReasonText(catalog);
const share = scheme2024.arrears_below_share;

/** A key indicator of the 2024 scheme in arrears at `value`. */
function arrears(id: 'fee_collection_rate' | 'checkup_rate', value: number) {
	const s = scheme2024.indicators[id];
	return { id, value, score: scoreValue(s, value), weight: s.weight, line: arrearsLine(s, share) };
}

/** An unremarkable township: 5th of 19, nothing found. */
const facts = (changes: Partial<CardFacts> = {}): CardFacts => ({
	level: 'township',
	score: 88.5,
	rank: 5,
	ranked: 19,
	tier: '优质服务先进',
	lastPlace: null,
	count: () => 0,
	keyArrears: [],
	incidents: [],
	previous: null,
	lowest: null,
	...changes
});

const decide = (changes: Partial<CardFacts>) => decideCard(scheme2024, facts(changes), text);

describe('each card rule of the 2024 scheme, with its reason', () => {
	const cases: [name: string, facts: Partial<CardFacts>, card: Card, reason: string][] = [
		[
			'one out-of-policy multi-child birth is a red card',
			{ count: (id) => (id === 'out_policy_multi_births' ? 1 : 0) },
			'red',
			'政策外多孩出生 1 例 ≥ 1 → 红牌'
		],
		[
			'faked IUD/pregnancy checks are a red card',
			{ incidents: [{ type: '虚假环孕检', count: 1, date: '2023-05-12', where: '东村' }] },
			'red',
			'虚假环孕检 1 起（2023-05-12，东村）→ 红牌'
		],
		[
			'last place two years running is a red card',
			{ rank: 19, tier: '重点整改', lastPlace: { now: true, pastYears: [true] } },
			'red',
			'连续 2 年综合排名末位（本期第 19 名/共 19 个）→ 红牌'
		],
		[
			'the tier 重点整改 is a black card',
			{ rank: 18, tier: '重点整改' },
			'black',
			'考核等次 重点整改（第 18 名/共 19 个）→ 黑牌'
		],
		[
			'two key indicators in arrears are a black card',
			{ keyArrears: [arrears('checkup_rate', 70), arrears('fee_collection_rate', 49.4)] },
			'black',
			'2 项重点指标欠帐较大（环孕情服务到位率、社会抚养费征收到位率）≥ 2 → 黑牌'
		],
		[
			'one key indicator in arrears is a yellow card',
			{ keyArrears: [arrears('fee_collection_rate', 49.4)] },
			'yellow',
			'社会抚养费征收到位率 49.40% 低于欠帐线 60.00%（得 5.82 分，不足 15.00 分的 60%）→ 黄牌'
		],
		[
			'a yellow card not lifted at the next period becomes black',
			{
				keyArrears: [arrears('fee_collection_rate', 49.4)],
				previous: { period: '2024H1', card: 'yellow', conditions: ['yellow'] }
			},
			'black',
			'上期（2024年上半年）黄牌未摘：本期仍有黄牌条件 → 黑牌'
		]
	];
	it.each(cases)('%s', (_name, changes, card, reason) => {
		const d = decide(changes);
		expect(d.card).toBe(card);
		expect(d.reasons.map((r) => r.zh)).toContain(reason);
	});

	it('names the tier in English by the scheme’s name_en, not its Chinese name', () => {
		const d = decide({ rank: 18, tier: '重点整改' });
		expect(d.reasons.map((r) => r.en)).toEqual([
			'tier "Key rectification" (rank 18 of 19) → black card'
		]);
	});

	it('does not fire on what the rules leave out', () => {
		const quiet: Partial<CardFacts>[] = [
			{ incidents: [{ type: '两非案件', count: 2, date: '2022-03-01', where: '西村' }] },
			{ rank: 19, lastPlace: { now: true, pastYears: [false] }, tier: null },
			{ rank: 19, lastPlace: { now: true, pastYears: [null] }, tier: null },
			{ rank: 19, lastPlace: null, tier: null },
			{ count: () => null },
			{ previous: { period: '2024H1', card: 'yellow', conditions: ['yellow'] } }
		];
		for (const q of quiet) expect(decide(q).card, JSON.stringify(q)).toBeNull();
	});

	it('gives the highest card and lists every reason, highest first, with the numbers', () => {
		const d = decide({
			count: (id) => (id === 'out_policy_multi_births' ? 2 : 0),
			rank: 17,
			tier: '重点整改',
			keyArrears: [arrears('fee_collection_rate', 49.4)]
		});
		expect(d.card).toBe('red');
		expect(d.reasons.map((r) => r.card)).toEqual(['red', 'black', 'yellow']);
		expect(d.conditions).toEqual(['red', 'black', 'yellow']);
		expect(d.reasons[0]).toMatchObject({
			rule: 'count_at_least',
			indicator: 'out_policy_multi_births',
			value: 2,
			threshold: 1,
			en: 'Out-of-policy multi-child births 2 ≥ 1 → red card'
		});
		expect(d.reasons[2]).toMatchObject({
			rule: 'key_in_arrears',
			indicator: 'fee_collection_rate',
			value: 49.4,
			threshold: 60
		});
	});

	it('cards a village by the villages block and the veto events only', () => {
		const village = (changes: Partial<CardFacts>) =>
			decide({ level: 'village', ranked: 300, tier: null, lowest: 31, ...changes });
		const lowest = village({ rank: 290, score: 41.2 });
		expect(lowest.card).toBe('yellow');
		expect(lowest.reasons.map((r) => r.zh)).toEqual([
			'后进村：综合得分 41.20，居全县最低 31 个村之列（第 290 名/共 300 个）→ 黄牌'
		]);
		expect(village({ rank: 269 }).card).toBeNull();
		expect(village({ rank: 270, keyArrears: [arrears('fee_collection_rate', 40)] }).card).toBe(
			'yellow'
		);
		expect(village({ rank: 10, keyArrears: [arrears('fee_collection_rate', 40)] }).card).toBeNull();
		expect(village({ rank: 10, count: () => 1 }).card).toBe('red');
	});
});

describe('lifecycle against the previous period', () => {
	it('lifts a card at the first period where none of its conditions hold, saying so', () => {
		const d = decide({ previous: { period: '2024H1', card: 'black', conditions: ['black'] } });
		expect(d.card).toBeNull();
		expect(d.status).toBe('lifted');
		expect(d.reasons.map((r) => r.zh)).toEqual([
			'上期（2024年上半年）黑牌摘牌：本期其条件均不成立'
		]);
	});

	const cases: [previous: Card | null, now: Card | null, status: CardStatus | null][] = [
		[null, null, null],
		[null, 'yellow', 'issued'],
		['yellow', 'yellow', 'held'],
		['yellow', 'black', 'escalated'],
		['black', 'red', 'escalated'],
		['black', null, 'lifted'],
		['red', 'yellow', 'issued']
	];
	it.each(cases)('%s then %s is %s', (previous, now, status) => {
		expect(cardStatus(previous, now)).toBe(status);
	});
});
