import { describe, expect, it } from 'vitest';
import type { Scoring } from '../config/scheme';
import { arrearsLine, inArrears, prorateFactor, scoreValue } from './score';

const linear: Scoring = {
	rule: 'linear',
	weight: 20,
	floor: 70,
	target: 90,
	key: false,
	prorate: false
};
const lower: Scoring = { rule: 'linear_lower', weight: 10, target: 1, ceiling: 5, key: false };
const band: Scoring = { rule: 'band', weight: 10, low: 103, high: 107, falloff: 10, key: false };
const zero: Scoring = { rule: 'zero', weight: 10, key: false };
const task: Scoring = {
	rule: 'linear',
	weight: 10,
	floor: 40,
	target: 90,
	key: false,
	prorate: true
};
const fee: Scoring = {
	rule: 'linear',
	weight: 15,
	floor: 30,
	target: 80,
	key: true,
	prorate: false
};

describe('scoreValue: each rule at and around its edges', () => {
	const cases: [name: string, scoring: Scoring, value: number | null, points: number][] = [
		['linear below the floor scores 0', linear, 69.9, 0],
		['linear at the floor scores 0', linear, 70, 0],
		['linear halfway scores half the weight', linear, 80, 10],
		['linear just under the target scores just under the weight', linear, 89.9, 19.9],
		['linear at the target scores the weight', linear, 90, 20],
		['linear above the target is capped at the weight', linear, 99, 20],
		['linear_lower at or below the target scores the weight', lower, 1, 10],
		['linear_lower far below the target scores the weight', lower, 0, 10],
		['linear_lower halfway scores half', lower, 3, 5],
		['linear_lower at the ceiling scores 0', lower, 5, 0],
		['linear_lower above the ceiling scores 0', lower, 7, 0],
		['band inside scores the weight', band, 105, 10],
		['band at the low edge scores the weight', band, 103, 10],
		['band at the high edge scores the weight', band, 107, 10],
		['band 1 below loses a tenth of the weight', band, 102, 9],
		['band 5 above loses half', band, 112, 5],
		['band falloff away scores 0', band, 117, 0],
		['band beyond the falloff stays at 0', band, 130, 0],
		['zero at 0 scores the weight', zero, 0, 10],
		['zero at 1 scores nothing', zero, 1, 0],
		['missing value scores 0 (linear)', linear, null, 0],
		['missing value scores 0 (zero rule, not full marks)', zero, null, 0],
		['missing value scores 0 (linear_lower)', lower, null, 0]
	];
	it.each(cases)('%s', (_name, scoring, value, points) => {
		expect(scoreValue(scoring, value)).toBeCloseTo(points, 9);
	});
});

describe('prorate: 时间过半、任务过半', () => {
	const cases: [name: string, scoring: Scoring, months: number, value: number, points: number][] = [
		['a task indicator at June: 45% of the task is full marks', task, 6, 45, 10],
		['a task indicator at June: the floor is 20%', task, 6, 20, 0],
		['a task indicator at June: halfway between 20% and 45%', task, 6, 32.5, 5],
		['a task indicator at year end is not scaled', task, 12, 45, 1],
		['an indicator without prorate is not scaled at June', linear, 6, 80, 10]
	];
	it.each(cases)('%s', (_name, scoring, months, value, points) => {
		expect(scoreValue(scoring, value, prorateFactor(scoring, months))).toBeCloseTo(points, 9);
	});

	it('scales only prorated linear rules', () => {
		expect([task, linear, lower, band, zero].map((s) => prorateFactor(s, 6))).toEqual([
			0.5, 1, 1, 1, 1
		]);
	});
});

describe('arrears: score below the share of the weight', () => {
	const cases: [name: string, value: number, arrears: boolean][] = [
		['exactly on the arrears line (60%) is not in arrears', 60, false],
		['just below the line is in arrears', 59.99, true],
		['the 49.4% collection of seed 002 is in arrears', 49.4, true],
		['well above the line is not in arrears', 75, false]
	];
	it.each(cases)('%s', (_name, value, arrears) => {
		expect(inArrears(scoreValue(fee, value), fee.weight, 0.6)).toBe(arrears);
	});

	it('states the line on the indicator’s own scale, for each rule', () => {
		expect(arrearsLine(fee, 0.6)).toEqual({ kind: 'below', line: 60 });
		expect(arrearsLine(task, 0.6, 0.5)).toEqual({ kind: 'below', line: 35 });
		expect(arrearsLine(lower, 0.6)).toEqual({ kind: 'above', line: 2.6 });
		expect(arrearsLine(band, 0.6)).toEqual({ kind: 'outside', low: 99, high: 111 });
		expect(arrearsLine(zero, 0.6)).toEqual({ kind: 'nonzero' });
	});
});
