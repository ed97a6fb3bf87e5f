import { describe, expect, it } from 'vitest';
import { scheme2024 } from './fixture';
import { composite, parseTiers, rankChange, rankWithinGroups, tierOf } from './rank';

const rank = (
	scores: number[],
	groups = scores.map(() => 0),
	eligible = scores.map(() => true)
) => [...rankWithinGroups(scores, groups, eligible, Math.max(...groups) + 1).rank];

describe('ranks', () => {
	const cases: [name: string, scores: number[], ranks: number[]][] = [
		['distinct scores rank 1, 2, 3', [70, 90, 80], [3, 1, 2]],
		['ties share the better rank and skip the next (1, 2, 2, 4)', [90, 85, 85, 80], [1, 2, 2, 4]],
		['everyone tied is first', [50, 50, 50], [1, 1, 1]],
		['a tie at the bottom shares last place', [90, 80, 70, 70], [1, 2, 3, 3]]
	];
	it.each(cases)('%s', (_name, scores, ranks) => {
		expect(rank(scores)).toEqual(ranks);
	});

	it('ranks each county on its own', () => {
		expect(rank([90, 80, 85, 60], [0, 0, 1, 1])).toEqual([1, 2, 1, 2]);
	});

	it('leaves units with no data unranked (0) and does not count them', () => {
		const r = rankWithinGroups([90, 0, 80], [0, 0, 0], [true, false, true], 1);
		expect([...r.rank]).toEqual([1, 0, 2]);
		expect([...r.ranked]).toEqual([2]);
		expect([...r.last]).toEqual([2]);
	});

	it('rounds the composite to the two decimals a bulletin prints, so printed ties are ties', () => {
		expect(composite(85.314)).toBe(85.31);
		expect(rank([composite(85.314), composite(85.306)])).toEqual([1, 1]);
	});
});

describe('rank change against the previous assessment period', () => {
	const cases: [
		name: string,
		previous: number | null,
		now: number | null,
		change: number | null
	][] = [
		['moving from 3rd to 1st is +2', 3, 1, 2],
		['falling from 1st to 3rd is −2', 1, 3, -2],
		['the same rank is 0', 4, 4, 0],
		['no previous rank is null', null, 2, null],
		['not ranked now is null', 2, null, null]
	];
	it.each(cases)('%s', (_name, previous, now, change) => {
		expect(rankChange(previous, now)).toBe(change);
	});
});

describe('tiers of the 2024 scheme', () => {
	const tiers = parseTiers(scheme2024.tiers);
	const cases: [name: string, ranked: number, rank: number, tier: string | null][] = [
		['19 townships: 10th is 优质服务先进', 19, 10, '优质服务先进'],
		['19 townships: 11th is 一类先进', 19, 11, '一类先进'],
		['19 townships: 16th is 一类先进', 19, 16, '一类先进'],
		['19 townships: 17th is among the last three', 19, 17, '重点整改'],
		['19 townships: 19th is 重点整改', 19, 19, '重点整改'],
		['23 townships: 17th has no tier', 23, 17, null],
		['23 townships: 20th has no tier', 23, 20, null],
		['23 townships: 21st is among the last three', 23, 21, '重点整改'],
		['7 townships: 4th is 优质服务先进', 7, 4, '优质服务先进'],
		[
			'7 townships: 5th is among the last three (the later tier wins the overlap)',
			7,
			5,
			'重点整改'
		],
		['7 townships: 7th is 重点整改', 7, 7, '重点整改'],
		['2 townships: 2nd is last', 2, 2, '重点整改'],
		['1 township: first place is never 末位', 1, 1, '优质服务先进'],
		['not ranked has no tier', 19, 0, null]
	];
	it.each(cases)('%s', (_name, ranked, r, tier) => {
		expect(tierOf(r, ranked, tiers)).toBe(tier);
	});

	it('reads "1-10" and "last 3"', () => {
		expect(tiers).toEqual([
			{ name: '优质服务先进', from: 1, to: 10 },
			{ name: '一类先进', from: 11, to: 16 },
			{ name: '重点整改', last: 3 }
		]);
	});
});
