import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { monthIndex } from '../periods';
import { cumulativeLabel, smallNumbers } from './small-numbers';

const { catalog } = defaultConfig();
const ind = (id: string) => catalog.indicators.find((i) => i.id === id)!;

describe('small numbers (事件数少)', () => {
	it('a village quarter sex ratio of 500 from 4 births is marked, with a wide interval', () => {
		const s = smallNumbers({ numerator: 5, denominator: 1 }, ind('sex_ratio_at_birth'))!;
		expect(s.events).toBe(6);
		// Wilson for 5 boys of 6: q ∈ [0.4365, 0.9699] → ratio 100q / (1 − q)
		expect(s.interval![0]).toBeCloseTo((100 * 0.43649) / (1 - 0.43649), 0);
		expect(s.interval![1]).toBeGreaterThan(1000);
	});

	it('a proportion below 20 events carries its Wilson interval in percent', () => {
		const s = smallNumbers({ numerator: 9, denominator: 10 }, ind('policy_compliance_rate'))!;
		// 9 of 10: [0.5958, 0.9821]
		expect(s.interval![0]).toBeCloseTo(59.58, 1);
		expect(s.interval![1]).toBeCloseTo(98.21, 1);
	});

	it.each([
		['20 events is enough', 'policy_compliance_rate', 18, 20],
		['a rate per mean population', 'birth_rate', 1, 15],
		['task completion', 'prepreg_check_completion', 3, 10],
		['no denominator', 'policy_compliance_rate', 0, 0]
	])('%s: not marked', (_n, id, num, den) => {
		expect(smallNumbers({ numerator: num, denominator: den }, ind(id))).toBeNull();
	});
});

it('money is not a count of events', () => {
	expect(
		smallNumbers({ numerator: 5, denominator: 10 }, ind('fee_collection_rate'), true)
	).toBeNull();
});

describe('cumulative and annualised labels', () => {
	const row = (from: number, last: number, months: number, annualised = false) => ({
		period_from: from,
		last_month: last,
		months,
		annualised
	});
	const jan = monthIndex(2024, 1);
	it.each([
		['a year to June', 'birth_rate', row(jan, jan + 5, 6), 'zh', '1-6月累计'],
		['in English', 'birth_rate', row(jan, jan + 5, 6), 'en', 'Jan–Jun cumulative'],
		['a second quarter', 'checkup_rate', row(jan + 3, jan + 5, 3), 'zh', '4-6月累计'],
		['one month', 'checkup_rate', row(jan + 2, jan + 2, 1), 'zh', ''],
		[
			'task completion in March counts from January',
			'prepreg_check_completion',
			row(jan + 2, jan + 2, 1),
			'zh',
			'1-3月累计'
		],
		['a month-end stock', 'contraceptive_prevalence', row(jan, jan + 5, 6), 'zh', ''],
		['annualised', 'birth_rate', row(jan, jan + 5, 6, true), 'zh', '年化']
	] as const)('%s', (_n, id, r, lang, text) => {
		expect(cumulativeLabel(r, ind(id), lang)).toBe(text);
	});
});
