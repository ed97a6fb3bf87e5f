import { describe, expect, it } from 'vitest';
import { assess } from '../assess';
import { catalog, county, period, rowsFor, scheme2024 } from '../assess/fixture';
import { buildBulletin, lastPlaces } from './bulletin';

/**
 * The bulletin's document model from a real assessment: two counties judged together (only the
 * chosen one's townships appear), a red card for an out-of-policy birth, the last three named.
 */
const units = [...county('990101', 6), ...county('990102', 4)];
const townships = units.filter((u) => u.level === 'township');
const values = townships.flatMap((u) =>
	rowsFor(u.code, '2024', {
		// township k of each county scores lower with k; the 5th has a veto birth
		policy_compliance_rate: 90 - 2 * Number(u.code.slice(-3)),
		out_policy_multi_births: u.code === '990101005' ? 1 : 0
	})
);
const assessment = assess(values, scheme2024, {
	catalog,
	units,
	level: 'township',
	period: period('2024')
});
const countyRows = [
	...rowsFor('990101', '2024', { policy_compliance_rate: 88.76 }),
	...rowsFor('990101', '2023', { policy_compliance_rate: 89.09 })
];
const doc = (lang: 'zh' | 'en') =>
	buildBulletin({
		templates: scheme2024.bulletin!,
		catalog,
		scheme: scheme2024,
		assessment,
		county: { code: '990101', name: '南峪县' },
		countyRows,
		lang
	});

describe('the bulletin document', () => {
	const zh = doc('zh');

	it('is titled and opened from the templates, naming the scheme in force', () => {
		expect(zh.title).toBe('关于2024年度人口和计划生育目标管理责任制考核结果的通报');
		expect(zh.scheme).toBe('2024年度人口和计划生育目标管理责任制考核方案');
		expect(zh.opening).toContain('全县6个乡镇2024年度');
	});

	it('leads with the county against target and last year, with counts and coverage', () => {
		expect(zh.lead.sentences[0]).toBe(
			'全县政策符合率 88.76%，同比下降 0.33 个百分点，低于目标 1.24 个百分点。'
		);
		expect(zh.lead.sentences).toHaveLength(Object.keys(scheme2024.indicators).length);
		expect(zh.lead.details[0]).toMatchObject({
			name: '政策符合率',
			value: '88.76%',
			counts: '88.76 / 100',
			coverage: '覆盖 12/12 村·月',
			lastYear: '89.09%',
			target: '≥ 90.00%'
		});
	});

	it("ranks only this county's townships, with the scores and cards of assess()", () => {
		const mine = assessment.units.filter((u) => u.parent_code === '990101');
		expect(zh.ranking.rows.map((r) => [r.code, r.rank, r.score, r.card])).toEqual(
			mine.map((u) => [u.code, u.rank, u.score.toFixed(2), u.card])
		);
		const red = zh.ranking.rows.find((r) => r.code === '990101005')!;
		expect(red).toMatchObject({ card: 'red', cardText: '红牌' });
	});

	it('lists every carded township with every reason', () => {
		const red = zh.cards.items.find((c) => c.code === '990101005')!;
		const unit = assessment.units.find((u) => u.code === '990101005')!;
		expect(red.text).toBe(`乡镇5：红牌（新挂）。原因：${unit.reasons.join('；')}。`);
		expect(red.text).toContain('政策外多孩出生 1 例');
		expect(zh.cards.intro).toBe(`2024年度共有${zh.cards.items.length}个乡镇被挂牌：`);
	});

	it('names the last three and what the scheme does to them', () => {
		expect(zh.last.codes).toEqual(['990101004', '990101005', '990101006']);
		expect(zh.last.text).toBe(
			'综合得分排在全县后3位的是乡镇4、乡镇5、乡镇6，予以通报批评，限期整改。'
		);
		expect(zh.consequences.items).toContain('重点整改（乡镇4、乡镇5、乡镇6）：没收责任押金2万元。');
		expect(zh.consequences.items).toContain(
			'红牌（乡镇5）：一票否决，三年内不得评先评优、提拔重用。'
		);
	});

	it('is written in English from the English templates', () => {
		const en = doc('en');
		expect(en.title).toBe(
			'Bulletin on the results of the 2024 population and family-planning target-responsibility assessment'
		);
		expect(en.ranking.rows.find((r) => r.code === '990101005')!.cardText).toBe('Red card');
		expect(en.last.text).toContain('乡镇4, 乡镇5, 乡镇6');
	});
});

describe('last places', () => {
	const ranked = (ranks: (number | null)[]) =>
		ranks.map((rank, i) => ({ ...assessment.units[0], code: String(i), rank }));
	it('names everyone sharing the edge rank, never the unranked', () => {
		const units = ranked([1, 2, 3, 3, 5, 6, null]);
		// the third from the bottom shares rank 3 with another: both are named
		expect(lastPlaces(units, scheme2024).units.map((u) => u.rank)).toEqual([3, 3, 5, 6]);
		expect(lastPlaces(ranked([1, 2, 3, 4, 4, 6]), scheme2024).units.map((u) => u.rank)).toEqual([
			4, 4, 6
		]);
		expect(lastPlaces(ranked([1, 2]), scheme2024).units.map((u) => u.rank)).toEqual([1, 2]);
		expect(lastPlaces(ranked([null]), scheme2024).units).toEqual([]);
	});
});
