import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import type { IndicatorRow } from '../query/types';
import { fractionLabels } from './labels';
import { buildTiles, gapTo } from './tiles';

const config = defaultConfig();
const { catalog } = config;
const scheme = config.schemes.get(2024)!;
const ind = (id: string) => catalog.indicators.find((i) => i.id === id)!;
const row = (
	indicator: string,
	period_key: string,
	value: number | null,
	numerator = 1,
	denominator = 1
): IndicatorRow => ({
	code: '990101',
	indicator,
	period_key,
	period_from: 0,
	period_to: 0,
	months: 12,
	last_month: 0,
	numerator,
	denominator,
	value,
	annualised: false,
	due: 300 * 12,
	reported: 300 * 12,
	used: 300 * 12,
	carried: 0,
	start_estimated: 0
});

describe('fractionLabels', () => {
	const cases: [string, string, string | null, string, string | null][] = [
		['policy_compliance_rate', '政策内出生', '出生人数', 'Births within policy', 'Births'],
		['birth_rate', '出生人数', '平均总人口', 'Births', 'mean total population'],
		[
			'fee_collection_rate',
			'社会抚养费实征',
			'社会抚养费应征',
			'Social maintenance fee collected',
			'Social maintenance fee assessed'
		],
		[
			'four_ops_completion',
			'四术合计',
			'四术合计年度任务',
			'Four operations',
			'annual task, four operations'
		],
		[
			'unreported_birth_rate',
			'清理出的出生漏报',
			'出生人数 + 清理出的出生漏报',
			'Unreported births found',
			'Births + Unreported births found'
		],
		[
			'natural_growth_rate',
			'出生人数 − 死亡人数',
			'平均总人口',
			'Births − Deaths',
			'mean total population'
		],
		['out_policy_multi_births', '政策外多孩出生', null, 'Out-of-policy third-or-later births', null]
	];
	it.each(cases)('%s', (id, zhN, zhD, enN, enD) => {
		expect(fractionLabels(catalog, ind(id), 'zh')).toEqual({ numerator: zhN, denominator: zhD });
		expect(fractionLabels(catalog, ind(id), 'en')).toEqual({ numerator: enN, denominator: enD });
	});
});

describe('gapTo (positive is better)', () => {
	const cases: [string, Parameters<typeof gapTo>[0], number, number][] = [
		['above an at-least target', { kind: 'at_least', value: 90 }, 92.4, 2.4],
		['below an at-least target', { kind: 'at_least', value: 90 }, 85.37, -4.63],
		['under an at-most target', { kind: 'at_most', value: 1 }, 0.5, 0.5],
		['inside the band', { kind: 'band', low: 103, high: 107 }, 104.86, 0],
		['above the band', { kind: 'band', low: 103, high: 107 }, 118, -11],
		['below the band', { kind: 'band', low: 103, high: 107 }, 101, -2],
		['a count that must be zero', { kind: 'zero' }, 1, -1]
	];
	it.each(cases)('%s', (_n, target, value, gap) =>
		expect(gapTo(target, value)).toBeCloseTo(gap, 10)
	);
});

describe('buildTiles', () => {
	it('puts assessed indicators first, with target, gap, change and history', () => {
		const rows = [
			row('policy_compliance_rate', '2023', 88, 88, 100),
			row('policy_compliance_rate', '2024', 92.4, 152, 164.5),
			row('birth_rate', '2024', 8)
		];
		const tiles = buildTiles(
			rows,
			{ assessed: ['policy_compliance_rate', 'contraceptive_prevalence'], other: ['birth_rate'] },
			'2024',
			catalog,
			scheme,
			'zh'
		);
		expect(tiles.map((t) => [t.indicator.id, t.assessed])).toEqual([
			['policy_compliance_rate', true],
			['contraceptive_prevalence', true],
			['birth_rate', false]
		]);
		const [pc, cp, br] = tiles;
		expect(pc).toMatchObject({ target: { kind: 'at_least', value: 90 }, met: true, key: false });
		expect(pc.gap).toBeCloseTo(2.4, 10);
		expect(pc.change).toBeCloseTo(4.4, 10);
		expect(pc.history.map((h) => h.period_key)).toEqual(['2023', '2024']);
		expect(cp).toMatchObject({ current: null, change: null, gap: null, met: null, key: true });
		expect(br).toMatchObject({ target: null, met: null });
	});
});

describe('year on year compares equal periods (case 4 of missing data)', () => {
	const tiles = (rows: IndicatorRow[]) =>
		buildTiles(
			rows,
			{ assessed: [], other: ['birth_rate'] },
			'2024-06YTD',
			catalog,
			scheme,
			'zh'
		)[0];
	const ytd = (key: string, value: number, months: number, used = 300 * months) => ({
		...row('birth_rate', key, value),
		months,
		due: 300 * months,
		used
	});

	it('with data from April 2023 there is no change against a three-month 2023-06YTD', () => {
		// was "+2.23‰": six months of 2024 against three of 2023
		const t = tiles([ytd('2023-06YTD', 3.1, 3), ytd('2024-06YTD', 5.33, 6)]);
		expect([t.change, t.noChange]).toEqual([null, 'unequalLength']);
		expect(t.history.map((h) => h.period_key)).toEqual(['2024-06YTD']);
	});

	it('compares equal, complete periods', () => {
		const t = tiles([ytd('2023-06YTD', 5, 6), ytd('2024-06YTD', 5.5, 6)]);
		expect(t.change).toBeCloseTo(0.5, 10);
		expect(t.noChange).toBeNull();
		expect(t.history).toHaveLength(2);
	});

	it('says so when either year rests on too few reports', () => {
		const t = tiles([ytd('2023-06YTD', 5, 6, 1500), ytd('2024-06YTD', 5.5, 6)]);
		expect([t.change, t.noChange]).toEqual([null, 'incomplete']);
		expect(t.coverage).toMatchObject({ used: 1800, due: 1800, complete: true });
	});

	it('says so when last year has no value', () => {
		expect(tiles([ytd('2024-06YTD', 5.5, 6)]).noChange).toBe('noLastYear');
	});
});
