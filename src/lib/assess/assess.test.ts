import { describe, expect, it } from 'vitest';
import { assess, rankingOf } from './index';
import { catalog, county, period, rowsFor, scheme2024, withScheme } from './fixture';
import type { AssessContext, Unit } from './types';

const townships = (units: Unit[]) => units.filter((u) => u.level === 'township');

function context(units: Unit[], p: string, changes: Partial<AssessContext> = {}): AssessContext {
	return { catalog, units, level: 'township', period: period(p), ...changes };
}

describe('a county of 23 townships and one of 7, assessed together', () => {
	const units = [...county('990101', 23), ...county('990102', 7)];
	// the k-th township of each county loses 0.8 k points of policy compliance: rank k
	const values = townships(units).flatMap((u) =>
		rowsFor(u.code, '2024', { policy_compliance_rate: 90 - 0.8 * Number(u.code.slice(-3)) })
	);
	const result = assess(values, scheme2024, context(units, '2024'));
	const byCode = new Map(result.units.map((u) => [u.code, u]));
	const at = (c: string, k: number) => byCode.get(`${c}${String(k).padStart(3, '0')}`)!;

	it('ranks each county on its own and scores 100 − 0.8 k', () => {
		expect(at('990101', 1)).toMatchObject({ score: 99.2, rank: 1 });
		expect(at('990101', 23)).toMatchObject({ score: 81.6, rank: 23 });
		expect(at('990102', 7)).toMatchObject({ score: 94.4, rank: 7 });
	});

	const cases: [countyCode: string, k: number, tier: string | null, card: string | null][] = [
		['990101', 10, '优质服务先进', null],
		['990101', 11, '一类先进', null],
		['990101', 16, '一类先进', null],
		['990101', 17, null, null],
		['990101', 20, null, null],
		['990101', 21, '重点整改', 'black'],
		['990101', 23, '重点整改', 'black'],
		['990102', 4, '优质服务先进', null],
		['990102', 5, '重点整改', 'black'],
		['990102', 7, '重点整改', 'black']
	];
	it.each(cases)('county %s, rank %i: tier %s, card %s', (c, k, tier, card) => {
		expect(at(c, k)).toMatchObject({ tier, card });
	});

	it('names the tier in the black card’s reason', () => {
		expect(at('990102', 5).reasons).toEqual(['考核等次 重点整改（第 5 名/共 7 个）→ 黑牌']);
		expect(at('990102', 5).card_status).toBe('issued');
	});

	it('lists units by rank, names the scheme and gives every indicator’s detail', () => {
		// county by county (in code order), each by rank
		expect(result.units.map((u) => u.rank)).toEqual([
			...Array.from({ length: 23 }, (_, k) => k + 1),
			...Array.from({ length: 7 }, (_, k) => k + 1)
		]);
		expect(result.scheme).toBe(scheme2024.name);
		expect(at('990101', 1).scheme).toBe(scheme2024.name);
		expect(at('990101', 5).indicators.policy_compliance_rate).toEqual({
			value: 86,
			numerator: 86,
			denominator: 100,
			coverage: [12, 12],
			score: 16,
			weight: 20,
			arrears: false,
			no_data: false
		});
	});
});

describe('ties, missing data and Δrank', () => {
	const units = county('990101', 5);
	const [t1, t2, t3, t4, t5] = townships(units).map((u) => u.code);
	const values = [
		...rowsFor(t1, '2024', { fee_collection_rate: 80 }),
		...rowsFor(t2, '2024', { fee_collection_rate: 55 }),
		...rowsFor(t3, '2024', { fee_collection_rate: 55 }),
		...rowsFor(t4, '2024', { fee_collection_rate: null }),
		// t5 sent nothing
		...[t1, t2, t3, t4, t5].flatMap((code, k) =>
			rowsFor(code, '2024H1', { policy_compliance_rate: 80 + 2 * k })
		)
	];
	const oneTier = withScheme({ tiers: [scheme2024.tiers[0]] });
	const ctx = context(units, '2024', { history: [{ period: period('2024H1') }] });
	const result = assess(values, oneTier, ctx);
	const u = (code: string) => result.units.find((x) => x.code === code)!;

	it('ties share a rank and are listed by code', () => {
		expect(result.units.map((x) => [x.code, x.rank])).toEqual([
			[t1, 1],
			[t2, 2],
			[t3, 2],
			[t4, 4],
			[t5, null]
		]);
	});

	it('scores a missing value 0, flags it 无数据, and does not call it arrears', () => {
		expect(u(t4).indicators.fee_collection_rate).toMatchObject({
			value: null,
			score: 0,
			no_data: true,
			arrears: false
		});
		expect(u(t4).score).toBe(85);
		expect(u(t4).card).toBeNull();
		expect(u(t4).notes).toEqual(['社会抚养费征收到位率：无数据，计 0 分']);
	});

	it('lists a unit with no data at all without ranking it', () => {
		expect(u(t5)).toMatchObject({ rank: null, tier: null, card: null, rank_change: null });
		expect(u(t5).notes).toHaveLength(Object.keys(scheme2024.indicators).length);
	});

	it('gives Δrank against the previous assessment period (positive = moved up)', () => {
		expect(result.previous_period).toBe('2024H1');
		// at 2024H1 the ranks ran t5, t4, t3, t2, t1
		expect([t1, t2, t3, t4, t5].map((c) => u(c).rank_change)).toEqual([4, 2, 1, -2, null]);
	});
});

describe('prorated task indicator (时间过半、任务过半)', () => {
	const units = county('990101', 2);
	const code = townships(units)[0].code;
	const values = ['2024H1', '2024'].flatMap((p) =>
		rowsFor(code, p, { prepreg_check_completion: 45 })
	);
	it('45% of the annual task is full marks at the half-year check and 1 point at year end', () => {
		const h1 = assess(values, scheme2024, context(units, '2024H1'));
		const year = assess(values, scheme2024, context(units, '2024'));
		expect(h1.units[0].indicators.prepreg_check_completion.score).toBe(10);
		expect(year.units[0].indicators.prepreg_check_completion.score).toBe(1);
		expect(h1.notes).toEqual(['孕前优生健康检查任务完成率：按时间进度（6/12）折算目标']);
		expect(year.notes).toEqual([]);
	});
});

describe('a scheme that changes between two years', () => {
	// 2023 weighed policy compliance twice as heavily and fee collection a third as much
	const scheme2023 = withScheme({
		year: 2023,
		name: '2023年度方案',
		periods: ['2023'],
		indicators: {
			...scheme2024.indicators,
			policy_compliance_rate: { ...scheme2024.indicators.policy_compliance_rate, weight: 40 },
			fee_collection_rate: { ...scheme2024.indicators.fee_collection_rate, weight: 5 },
			contraceptive_prevalence: { ...scheme2024.indicators.contraceptive_prevalence, weight: 5 }
		}
	});
	const units = county('990101', 5);
	const [a, , , , e] = townships(units).map((u) => u.code);
	const values = [
		// 2023: a is last under the 2023 weights (80), e under the 2024 ones (86.5)
		...townships(units).flatMap((u) =>
			rowsFor(u.code, '2023', {
				policy_compliance_rate: u.code === a ? 80 : 95,
				fee_collection_rate: u.code === e ? 35 : 85
			})
		),
		...townships(units).flatMap((u) =>
			['2024H1', '2024'].flatMap((p) =>
				rowsFor(u.code, p, { policy_compliance_rate: u.code === a ? 75 : 95 })
			)
		)
	];
	const run = (history: AssessContext['history']) =>
		assess(values, scheme2024, context(units, '2024', { history }));
	const lastTwice = '连续 2 年综合排名末位（本期第 5 名/共 5 个）→ 红牌';

	it('judges last year by last year’s scheme: last place two years running is a veto', () => {
		const r = run([{ period: period('2023'), scheme: scheme2023 }, { period: period('2024H1') }]);
		expect(r.units[4].code).toBe(a);
		expect(r.units[4].card).toBe('red');
		expect(r.units[4].reasons[0]).toBe(lastTwice);
		expect(r.scheme).toBe(scheme2024.name);
	});

	it('under this year’s weights last year’s last place was another township', () => {
		const r = run([{ period: period('2023') }, { period: period('2024H1') }]);
		expect(r.units[4].card).toBe('black');
		expect(r.units[4].reasons).not.toContain(lastTwice);
	});

	it('takes last year’s final ranking from the context when given', () => {
		const y2023 = assess(values, scheme2023, context(units, '2023'));
		expect(y2023.final).toBe(true);
		const r = assess(
			values,
			scheme2024,
			context(units, '2024', {
				history: [{ period: period('2024H1') }],
				pastRankings: [rankingOf(y2023)]
			})
		);
		expect(r.units[4].reasons[0]).toBe(lastTwice);
	});
});
