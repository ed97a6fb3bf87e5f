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
	annualised: false
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
