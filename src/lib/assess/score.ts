import type { Scoring } from '../config/scheme';

/**
 * Rule → points. Each indicator of the scheme earns between 0 and its weight:
 *   linear        0 at or below floor, the full weight at or above target, linear between
 *   linear_lower  the full weight at or below target, 0 at or above ceiling (lower is better)
 *   band          the full weight inside [low, high], losing the whole weight `falloff` units
 *                 outside, linearly
 *   zero          the full weight when the count is 0, nothing otherwise
 * A missing value (no report, or nothing to divide by) scores 0; the caller flags it 无数据.
 */
export function scoreValue(scoring: Scoring, value: number | null, prorate = 1): number {
	if (value === null || !Number.isFinite(value)) return 0;
	return scorer(scoring, prorate)(value);
}

/**
 * 时间过半、任务过半: the share of the year elapsed, by which a prorated (task) indicator's floor
 * and target are scaled at a check before year end; 1 for every other indicator.
 */
export function prorateFactor(scoring: Scoring, elapsedMonths: number): number {
	if (scoring.rule !== 'linear' || !scoring.prorate) return 1;
	return Math.min(12, Math.max(1, elapsedMonths)) / 12;
}

/**
 * The rule with its bounds fixed, as a function of the value: built once per indicator, then
 * called for each of 25,000 villages without a switch. `prorate` scales a task's floor and
 * target (linear only; see prorateFactor).
 */
export function scorer(scoring: Scoring, prorate = 1): (value: number) => number {
	const w = scoring.weight;
	switch (scoring.rule) {
		case 'linear': {
			const floor = scoring.floor * prorate;
			const target = scoring.target * prorate;
			const slope = w / (target - floor);
			return (v) => (v >= target ? w : v <= floor ? 0 : (v - floor) * slope);
		}
		case 'linear_lower': {
			const { target, ceiling } = scoring;
			const slope = w / (ceiling - target);
			return (v) => (v <= target ? w : v >= ceiling ? 0 : (ceiling - v) * slope);
		}
		case 'band': {
			const { low, high, falloff } = scoring;
			return (v) => w * Math.max(0, 1 - Math.max(low - v, v - high, 0) / falloff);
		}
		case 'zero':
			return (v) => (v === 0 ? w : 0);
	}
}

// Scores are sums and quotients of decimals: 9 points can come out as 8.999999999999998.
export const ARREARS_EPSILON = 1e-9;

/** 欠帐较大: an indicator scoring below `share` of its weight. */
export function inArrears(score: number, weight: number, share: number): boolean {
	return score < share * weight - ARREARS_EPSILON;
}

/** Where on the indicator's own scale arrears begin, for reason texts ("低于欠帐线 60.00%"). */
export type ArrearsLine =
	| { kind: 'below'; line: number }
	| { kind: 'above'; line: number }
	| { kind: 'outside'; low: number; high: number }
	| { kind: 'nonzero' };

export function arrearsLine(scoring: Scoring, share: number, prorate = 1): ArrearsLine {
	switch (scoring.rule) {
		case 'linear': {
			const floor = scoring.floor * prorate;
			return { kind: 'below', line: floor + share * (scoring.target * prorate - floor) };
		}
		case 'linear_lower':
			return {
				kind: 'above',
				line: scoring.ceiling - share * (scoring.ceiling - scoring.target)
			};
		case 'band': {
			const slack = (1 - share) * scoring.falloff;
			return { kind: 'outside', low: scoring.low - slack, high: scoring.high + slack };
		}
		case 'zero':
			return { kind: 'nonzero' };
	}
}
