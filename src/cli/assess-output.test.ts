import { describe, expect, it } from 'vitest';
import { assess } from '../lib/assess';
import { catalog, county, period, rowsFor, scheme2024, withScheme } from '../lib/assess/fixture';
import { formatAssessment } from './assess-output';
import { displayWidth } from './text-width';

/** Three townships of a hand-made county: one clean, one in fee arrears, one with a veto. */
const units = county('990101', 3).map((u) =>
	u.level === 'township'
		? { ...u, name: ['城关镇', '河西乡', '北关街道'][+u.code.slice(-1) - 1] }
		: u
);
const values = [
	...rowsFor('990101001', '2024'),
	...rowsFor('990101002', '2024', { fee_collection_rate: 49.4 }),
	...rowsFor('990101003', '2024', { out_policy_multi_births: 1, checkup_rate: null })
];
const scheme = withScheme({ tiers: [scheme2024.tiers[0]] });
const a = assess(values, scheme, { catalog, units, level: 'township', period: period('2024') });

describe('kaoping assess output', () => {
	it('table: columns line up by display width, reasons continue under their column', () => {
		expect(formatAssessment(a, a.units, catalog, 'table')).toBe(
			[
				'2024年度人口和计划生育目标管理责任制考核方案 · 2024 · 乡镇 3 个 · 无上期',
				'',
				'名次  变化  代码       单位        得分  等次          牌    状态  原因',
				'   1        990101001  城关镇    100.00  优质服务先进',
				'   2        990101002  河西乡     90.82  优质服务先进  黄牌  新挂  社会抚养费征收到位率 49.40% 低于欠帐线 60.00%（得 5.82 分，不足 15.00 分的 60%）→ 黄牌',
				'   3        990101003  北关街道   85.00  优质服务先进  红牌  新挂  政策外多孩出生 1 例 ≥ 1 → 红牌',
				'',
				'说明：',
				'  北关街道：环孕情服务到位率：无数据，计 0 分',
				''
			].join('\n')
		);
	});

	it('CSV: BOM, CRLF, Chinese headers, numbers as numbers, no data as an empty cell', () => {
		const csv = formatAssessment(a, a.units, catalog, 'csv');
		expect(
			csv.startsWith(
				'\uFEFF代码,单位,级别,上级代码,期间,得分,名次,名次变化,等次,牌,牌状态,原因,考核方案,政策符合率（%）,政策符合率得分'
			)
		).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(5); // header, three units, the empty string after the last CRLF
		expect(lines[3]).toBe(
			'990101003,北关街道,乡镇,990101,2024,85,3,,优质服务先进,红牌,新挂,政策外多孩出生 1 例 ≥ 1 → 红牌,' +
				'2024年度人口和计划生育目标管理责任制考核方案,95,20,90,15,,0,85,15,105,10,95,10,96,5,0.5,10'
		);
	});

	it('JSON: one object per unit with the fields of INTERFACES.md', () => {
		const json = JSON.parse(formatAssessment(a, a.units, catalog, 'json'));
		expect(json).toHaveLength(3);
		for (const key of [
			'code',
			'name',
			'level',
			'parent_code',
			'score',
			'rank',
			'rank_change',
			'tier',
			'card',
			'card_status',
			'reasons',
			'scheme',
			'indicators'
		])
			expect(json[1], key).toHaveProperty(key);
		expect(json[2].indicators.checkup_rate).toMatchObject({ value: null, score: 0, no_data: true });
		expect(Object.keys(json[0])[0]).toBe('code');
	});

	it('never pads a line to a different width before the reasons', () => {
		const lines = formatAssessment(a, a.units, catalog, 'table').split('\n').slice(3, 6);
		const widthBefore = (l: string) => displayWidth(l.slice(0, l.indexOf('优质服务先进')));
		expect(new Set(lines.map(widthBefore)).size).toBe(1);
	});
});
