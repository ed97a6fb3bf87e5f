import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import type { UnitAssessment } from '../assess';
import type { Manifest } from '../extract/schema';
import { matrixPeriods, cardCounts } from './cards';
import {
	defaultRankingsState,
	parseRankings,
	rankChangeText,
	rankingPeriods,
	scoreCell,
	serializeRankings,
	sortUnits
} from './rankings';

const config = defaultConfig();
const manifest = {
	counties: [{ code: '990101', name: '南峪县' }],
	periods: { from: '2023-01', to: '2024-09', latest: '2024-08' }
} as Manifest;

describe('ranking periods', () => {
	it('offers the scheme periods the data reach the end of, then the provisional year to date', () => {
		const keys = rankingPeriods(config, manifest).map((o) => `${o.key}${o.provisional ? '*' : ''}`);
		// 2024 has not ended (latest month August): its year-end ranking is not offered yet
		expect(keys.slice(0, 3)).toEqual(['2024H1', '2023', '2023H1']);
		expect(keys.slice(3)).toEqual([
			'2024-08YTD*',
			'2024-07YTD*',
			// 2024-06YTD is the half-year check itself
			'2024-05YTD*',
			'2024-04YTD*',
			'2024-03YTD*',
			'2024-02YTD*',
			'2024-01YTD*'
		]);
		expect(defaultRankingsState(config, manifest).period).toBe('2024H1');
	});

	it('round-trips through the URL and refuses what it does not know', () => {
		const s = {
			...defaultRankingsState(config, manifest),
			level: 'village' as const,
			township: '990101002',
			period: '2023',
			sort: 'score',
			desc: true
		};
		const q = serializeRankings(s, config, manifest, 'en');
		expect(q.toString()).toBe(
			'level=village&township=990101002&period=2023&sort=score&desc=1&lang=en'
		);
		expect(parseRankings(q, config, manifest)).toEqual(s);
		const bad = parseRankings(
			new URLSearchParams('period=2031&township=x&sort=drop;table'),
			config,
			manifest
		);
		expect([bad.period, bad.township, bad.sort]).toEqual(['2024H1', '', 'rank']);
	});

	it('the cards matrix ends at the chosen period', () => {
		expect(matrixPeriods(config, manifest, '2024-08YTD')).toEqual([
			'2023H1',
			'2023',
			'2024H1',
			'2024-08YTD'
		]);
	});
});

const unit = (
	code: string,
	rank: number | null,
	score: number,
	extra: Partial<UnitAssessment> = {}
) =>
	({
		code,
		name: code,
		level: 'township',
		parent_code: '990101',
		period: '2024',
		scheme: 's',
		score,
		rank,
		rank_change: null,
		tier: null,
		card: null,
		card_status: null,
		reasons: [],
		reason_details: [],
		card_conditions: [],
		notes: [],
		indicators: {
			policy_compliance_rate: {
				value: 85.5,
				numerator: 171,
				denominator: 200,
				coverage: [12, 12],
				score: 15.5,
				weight: 20,
				arrears: false,
				no_data: false
			},
			checkup_rate: {
				value: null,
				numerator: null,
				denominator: null,
				coverage: [0, 12],
				score: 0,
				weight: 15,
				arrears: false,
				no_data: true
			}
		},
		...extra
	}) as UnitAssessment;

describe('the ranking table', () => {
	const units = [
		unit('b', 2, 80, { card: 'yellow' }),
		unit('a', 1, 90),
		unit('c', null, 0),
		unit('d', 2, 80, { card: 'red' })
	];

	it('sorts by rank with ties by code and the unranked last; by card, worst first', () => {
		expect(sortUnits(units, 'rank', false, []).map((u) => u.code)).toEqual(['a', 'b', 'd', 'c']);
		expect(sortUnits(units, 'card', true, []).map((u) => u.code)).toEqual(['d', 'b', 'a', 'c']);
		expect(sortUnits(units, 'name', true, []).map((u) => u.code)).toEqual(['d', 'c', 'b', 'a']);
	});

	it('a score cell names its value, counts and points; no data is said, not coloured alone', () => {
		const { catalog } = config;
		expect(scoreCell(units[0], 'policy_compliance_rate', catalog, 0.6, 'zh')).toEqual({
			text: '15.50',
			band: 'mid',
			tip: '政策符合率：85.50%（171 / 200），得 15.50 / 20 分'
		});
		expect(scoreCell(units[0], 'checkup_rate', catalog, 0.6, 'zh')).toMatchObject({
			text: '无数据',
			band: 'none'
		});
	});

	it('Δrank is written with arrows and words', () => {
		expect(rankChangeText(3, 'zh')).toEqual({ mark: '▲3', words: '上升 3 位' });
		expect(rankChangeText(-2, 'en')).toEqual({ mark: '▼2', words: 'down 2' });
		expect(rankChangeText(null, 'zh').mark).toBe('');
	});

	it('counts cards by colour', () => {
		expect(cardCounts(units)).toEqual([
			{ card: 'red', n: 1 },
			{ card: 'black', n: 0 },
			{ card: 'yellow', n: 1 }
		]);
	});
});
