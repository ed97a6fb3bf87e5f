import { describe, expect, it } from 'vitest';
import { catalog, rowsFor, scheme2024 } from '../assess/fixture';
import type { IndicatorRow } from '../query/types';
import { leadSentence, type LeadInput } from './bulletin-lead';

/**
 * The lead paragraph's sentences, from the shipped 2024 scheme's templates: as the seeds write
 * them — "全县政策符合率 88.76%，同比下降 0.33 个百分点，低于目标 1.24 个百分点。"
 */
const templates = scheme2024.bulletin!;
const indicator = (id: string) => catalog.indicators.find((i) => i.id === id)!;

function input(
	id: string,
	value: number | null,
	lastYear: number | null | 'missing',
	patch: Partial<IndicatorRow> = {}
): LeadInput {
	const row = (period: string, v: number | null) => ({
		...rowsFor('990101', period, { [id]: v }).find((r) => r.indicator === id)!,
		...patch
	});
	return {
		indicator: indicator(id),
		scoring: scheme2024.indicators[id],
		current: row('2024', value),
		lastYear: lastYear === 'missing' ? null : row('2023', lastYear),
		threshold: catalog.coverage_threshold
	};
}

describe('lead sentences', () => {
	it.each([
		[
			'falling, below target',
			input('policy_compliance_rate', 88.76, 89.09),
			'全县政策符合率 88.76%，同比下降 0.33 个百分点，低于目标 1.24 个百分点。'
		],
		[
			'rising, above target',
			input('contraceptive_prevalence', 89.26, 87.5),
			'全县综合节育率 89.26%，同比上升 1.76 个百分点，高于目标 4.26 个百分点。'
		],
		[
			'unchanged (equal at the printed decimals), at the target',
			input('policy_compliance_rate', 90.001, 89.998),
			'全县政策符合率 90.00%，与上年同期持平，与目标持平。'
		],
		[
			'no value last year',
			input('checkup_rate', 92.04, null),
			'全县环孕情服务到位率 92.04%，上年同期无数据，低于目标 2.96 个百分点。'
		],
		[
			'no row last year at all',
			input('checkup_rate', 92.04, 'missing'),
			'全县环孕情服务到位率 92.04%，上年同期无数据，低于目标 2.96 个百分点。'
		],
		[
			'a band indicator inside its band; a ratio changes in plain units',
			input('sex_ratio_at_birth', 105.2, 107.65),
			'全县出生人口性别比 105.20，同比下降 2.45，在目标区间 103–107 之内。'
		],
		[
			'a band indicator above its band',
			input('sex_ratio_at_birth', 107.7, 107.65),
			'全县出生人口性别比 107.70，同比上升 0.05，高于目标 0.70。'
		],
		[
			'a lower-is-better indicator: the words say where the value is, not whether it is good',
			input('unreported_birth_rate', 0.35, 0.29),
			'全县出生漏报率 0.35%，同比上升 0.06 个百分点，低于目标 0.65 个百分点。'
		]
	])('%s', (_name, lead, expected) => expect(leadSentence(templates, lead, 'zh')).toBe(expected));

	it('does not compare with an incomplete year', () => {
		const lead = input('policy_compliance_rate', 88.76, 89.09);
		lead.lastYear = { ...lead.lastYear!, used: 6, due: 12 };
		expect(leadSentence(templates, lead, 'zh')).toBe(
			'全县政策符合率 88.76%，上年同期数据不完整，不作比较，低于目标 1.24 个百分点。'
		);
	});

	it('says nothing of an indicator the county has no value for', () =>
		expect(leadSentence(templates, input('checkup_rate', null, 90), 'zh')).toBeNull());

	it.each([
		[
			input('policy_compliance_rate', 88.76, 89.09),
			'Policy compliance rate for the county: 88.76%; down 0.33 percentage points on the same period last year; 1.24 percentage points below the target of 90.00%.'
		],
		[
			input('policy_compliance_rate', 91, 91),
			'Policy compliance rate for the county: 91.00%; unchanged on the same period last year; 1.00 percentage points above the target of 90.00%.'
		],
		[
			input('policy_compliance_rate', 91, 'missing'),
			'Policy compliance rate for the county: 91.00%; no figure for the same period last year; 1.00 percentage points above the target of 90.00%.'
		]
	])('English: %#', (lead, expected) => expect(leadSentence(templates, lead, 'en')).toBe(expected));

	it("follows a county's rewording: the templates are data", () => {
		const reworded = {
			...templates,
			lead: { zh: '{indicator}：{value}（{change}；{target}）', en: '{indicator}' },
			change: { ...templates.change, falling: { zh: '比上年少 {change}', en: '' } }
		};
		expect(leadSentence(reworded, input('policy_compliance_rate', 88.76, 89.09), 'zh')).toBe(
			'政策符合率：88.76%（比上年少 0.33 个百分点；低于目标 1.24 个百分点）'
		);
	});
});
