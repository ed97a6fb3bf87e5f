import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../cli/io/xlsx-read';
import { defaultConfig } from '../../cli/config-files';
import type { UnitAssessment } from '../assess';
import { cardText, rankingExport } from './assessment-export';
import { tableCsv } from './table-export';
import { tableXlsx } from './table-xlsx';
import { pointsExport } from './unit-export';

const config = defaultConfig();

const unit = (patch: Partial<UnitAssessment>): UnitAssessment =>
	({
		code: '990101001',
		name: '城关镇',
		level: 'township',
		parent_code: '990101',
		period: '2024',
		scheme: 's',
		score: 87.456,
		rank: 1,
		rank_change: -2,
		tier: '一类先进',
		card: null,
		card_status: null,
		reasons: [],
		reason_details: [],
		card_conditions: [],
		notes: [],
		indicators: {
			policy_compliance_rate: {
				value: 92.5,
				numerator: 148,
				denominator: 160,
				coverage: [240, 252],
				score: 18.5,
				weight: 20,
				arrears: false,
				no_data: false
			}
		},
		...patch
	}) as UnitAssessment;

const indicators = [{ id: 'policy_compliance_rate', name: '政策符合率', weight: 20 }];

describe('assessment exports', () => {
	it('writes a card as its badge reads', () => {
		expect(cardText('yellow', 'issued', 'zh')).toBe('黄牌（新挂）');
		expect(cardText('red', null, 'en')).toMatch(/^Red/);
		expect(cardText(null, 'lifted', 'zh')).toBe('已摘牌');
		expect(cardText(null, null, 'zh')).toBe('');
	});

	it('ranking: each rate beside its counts and unit-months; no value is an empty cell, not 0', () => {
		const units = [
			unit({}),
			unit({
				code: '990101002',
				name: '河西乡',
				rank: null,
				rank_change: null,
				tier: null,
				card: 'red',
				card_status: 'issued',
				reason_details: [
					{
						card: 'red',
						rule: 'veto' as never,
						indicator: null,
						value: 1,
						threshold: 1,
						zh: '政策外多孩出生 1 例 ≥ 1 → 红牌',
						en: 'x'
					}
				],
				indicators: {
					policy_compliance_rate: {
						value: null,
						numerator: null,
						denominator: 0,
						coverage: [0, 252],
						score: 0,
						weight: 20,
						arrears: false,
						no_data: true
					}
				}
			})
		];
		const table = rankingExport(units, indicators, config.catalog, (x) => x, '标题', 'zh');
		const csv = tableCsv(table, 'zh').slice(1).split('\r\n');
		expect(csv[0]).toBe(
			'名次,升降,代码,单位,综合得分,等次,三牌,挂牌原因,政策符合率·得分（20）,政策符合率,' +
				'政策符合率·政策内出生,政策符合率·出生人数,政策符合率·纳入计算（村·月）,政策符合率·应报（村·月）'
		);
		expect(csv[1]).toBe('1,-2,990101001,城关镇,87.456,一类先进,,,18.5,92.5,148,160,240,252');
		expect(csv[2]).toBe(
			',,990101002,河西乡,,,红牌（新挂）,政策外多孩出生 1 例 ≥ 1 → 红牌,,,,0,0,252'
		);
		// the workbook: the same numbers, read back by the build's reader
		const back = readXlsx(tableXlsx(table, 'zh')).rows;
		expect(back[0].cells).toEqual(['标题']);
		expect(back[2].cells.map((c) => (c === null ? '' : String(c))).join(',')).toBe(csv[1]);
	});

	it('a unit page’s points: value, counts, coverage, points and weight', () => {
		const csv = tableCsv(pointsExport(unit({}), config, 't', 'zh'), 'zh')
			.slice(1)
			.split('\r\n');
		expect(csv[0]).toBe('指标,指标值,分子,分母,纳入计算（村·月）,应报（村·月）,得分,权重,备注');
		expect(csv[1]).toBe('政策符合率,92.5,148,160,240,252,18.5,20,');
	});
});
