import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { schemeFor } from '../config';
import {
	betterText,
	cardRules,
	consequenceRows,
	formulaText,
	ruleText,
	tierRanksText,
	totalWeight,
	villageRuleText,
	weightRows
} from './about';

const config = defaultConfig();
const scheme = schemeFor(config, 2024)!;
const ind = (id: string) => config.catalog.indicators.find((i) => i.id === id)!;

describe('indicator formulas on the 说明 page', () => {
	it('brackets the natural growth rate and scales it by 1000 like its rates', () => {
		expect(formulaText(config.catalog, ind('natural_growth_rate'), 'zh')).toBe(
			'（出生人数 − 死亡人数）÷ 平均总人口 × 1000（= 出生率 − 死亡率）'
		);
		expect(formulaText(config.catalog, ind('natural_growth_rate'), 'en')).toMatch(
			/^\(.+ − .+\) ÷ mean .+ × 1000 \(= Birth rate − Death rate\)$/
		);
	});

	it.each([
		['birth_rate', '出生人数 ÷ 平均总人口 × 1000'],
		['policy_compliance_rate', '政策内出生 ÷ 出生人数 × 100'],
		[
			'prepreg_check_completion',
			'孕前优生健康检查完成对数（年初至今累计）÷ 孕前优生健康检查完成对数年度任务 × 100'
		],
		['out_policy_multi_births', '政策外多孩出生']
	])('%s', (id, text) => {
		// names come from the catalog; the shape is what is checked
		const got = formulaText(config.catalog, ind(id), 'zh');
		expect(got.replace(/[^÷×()（）\d]/g, '')).toBe(text.replace(/[^÷×()（）\d]/g, ''));
	});

	it('says which way each indicator is judged', () => {
		expect(betterText(ind('sex_ratio_at_birth'), 'zh')).toBe('在 103–107 之间为正常');
		expect(betterText(ind('unreported_birth_rate'), 'en')).toBe('lower is better');
	});
});

describe('the scheme in force, from the configuration', () => {
	it('lists every weighted indicator with its weight, adding up to 100', () => {
		const rows = weightRows(scheme, config.catalog, 'zh');
		expect(rows.map((r) => r.id)).toEqual(Object.keys(scheme.indicators));
		expect(rows.find((r) => r.id === 'policy_compliance_rate')).toMatchObject({
			name: '政策符合率',
			weight: 20,
			key: false
		});
		expect(rows.find((r) => r.id === 'checkup_rate')?.key).toBe(true);
		expect(totalWeight(scheme)).toBe(100);
	});

	it.each([
		[
			{ rule: 'linear', weight: 20, floor: 70, target: 90, key: false, prorate: false },
			'不高于 70 得 0 分，达到 90 得满分，之间按比例'
		],
		[
			{ rule: 'linear', weight: 10, floor: 40, target: 90, key: false, prorate: true },
			'不高于 40 得 0 分，达到 90 得满分，之间按比例（时间过半、任务过半：年中按已过月数折算）'
		],
		[
			{ rule: 'linear_lower', weight: 10, target: 1, ceiling: 5, key: false },
			'不高于 1 得满分，达到 5 得 0 分，之间按比例'
		],
		[
			{ rule: 'band', weight: 10, low: 103, high: 107, falloff: 10, key: false },
			'在 103–107 之间得满分，超出每 10 扣完全部分值'
		],
		[{ rule: 'zero', weight: 5, key: true }, '为 0 得满分，否则 0 分']
	] as const)('rule %j', (s, text) => expect(ruleText(s, 'zh')).toBe(text));

	it('writes tiers, cards, the village rule and consequences', () => {
		expect(tierRanksText('1-10', 'zh')).toBe('第 1-10 名');
		expect(tierRanksText('last 3', 'en')).toBe('last 3');
		const cards = cardRules(scheme, config.catalog, 'zh');
		expect(cards.map((c) => c.card)).toEqual(['red', 'black', 'yellow']);
		expect(cards[0].conditions).toEqual([
			'政策外多孩出生达到 1 例',
			'查实以下问题之一：虚假节育手术、虚假环孕检、虚假征费、干部违法生育',
			'连续 2 年综合排名末位'
		]);
		expect(cards[1].conditions).toEqual([
			'列入“重点整改”等次',
			'2 项及以上重点指标欠帐较大',
			'上期黄牌到本期仍未摘除'
		]);
		expect(villageRuleText(scheme, 'zh')).toContain('最低的 31 个村挂黄牌');
		expect(consequenceRows(scheme, 'zh')).toContainEqual({
			who: '红牌',
			text: '一票否决，三年内不得评先评优、提拔重用'
		});
		expect(consequenceRows(scheme, 'en')[0].who).toBe('Excellent service');
	});
});
