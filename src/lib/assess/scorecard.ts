import type { Scheme, Scoring } from '../config/scheme';
import type { Period } from '../periods';
import type { Columns, Prepared } from './prepare';
import { ARREARS_EPSILON, arrearsLine, prorateFactor, type ArrearsLine } from './score';

export interface IndicatorScores {
	id: string;
	scoring: Scoring;
	/** 1, or elapsed months / 12 for a prorated task indicator. */
	prorate: number;
	line: ArrearsLine;
	columns: Columns | undefined;
	/** Per unit; null unless asked for `detail` (earlier periods only need the composite). */
	score: Float64Array | null;
	arrears: Uint8Array | null;
}

/** Every unit's points in one period under one scheme, as typed arrays by unit position. */
export interface Scorecard {
	period: Period;
	scheme: Scheme;
	elapsed: number;
	indicators: IndicatorScores[];
	composite: Float64Array;
	/** Units with a value for at least one indicator; the others are not ranked. */
	eligible: Uint8Array;
	/** How many key indicators (重点指标) are in arrears. */
	keyArrears: Int32Array;
}

export function scorePeriod(
	prepared: Prepared,
	scheme: Scheme,
	period: Period,
	elapsed: number,
	detail = true
): Scorecard {
	const n = prepared.units.length;
	const values = prepared.values.get(period.text);
	const total = new Float64Array(n);
	const eligible = new Uint8Array(n);
	const keyArrears = new Int32Array(n);
	const indicators: IndicatorScores[] = [];
	// without detail one scratch column serves every indicator: fewer buffers for the collector
	const scratch = detail ? null : new Float64Array(n);
	for (const [id, scoring] of Object.entries(scheme.indicators)) {
		const prorate = prorateFactor(scoring, elapsed);
		const columns = values?.get(id);
		const score = scratch ?? new Float64Array(n);
		const arrears = detail ? new Uint8Array(n) : null;
		if (columns) {
			fillScores(scoring, prorate, columns.value, score);
			const limit = scheme.arrears_below_share * scoring.weight - ARREARS_EPSILON;
			const value = columns.value;
			for (let i = 0; i < n; i++) {
				if (value[i] !== value[i]) continue; // NaN: no data, 0 points, never arrears
				const s = score[i];
				total[i] += s;
				eligible[i] = 1;
				if (s < limit) {
					if (arrears) arrears[i] = 1;
					if (scoring.key) keyArrears[i]++;
				}
			}
		}
		const line = arrearsLine(scoring, scheme.arrears_below_share, prorate);
		indicators.push({
			id,
			scoring,
			prorate,
			line,
			columns,
			score: scratch ? null : score,
			arrears
		});
	}
	for (let i = 0; i < n; i++) total[i] = Math.round(total[i] * 100) / 100; // rank.ts composite()
	return { period, scheme, elapsed, indicators, composite: total, eligible, keyArrears };
}

/**
 * Points for a whole column, one loop per rule so that the rule's arithmetic is inlined (a call
 * through scorer() per value costs more than the value's arithmetic). Same formulas as score.ts;
 * scorecard.test.ts holds them equal. NaN (no data) stays 0.
 */
function fillScores(scoring: Scoring, prorate: number, value: Float64Array, out: Float64Array) {
	const w = scoring.weight;
	const n = value.length;
	switch (scoring.rule) {
		case 'linear': {
			const floor = scoring.floor * prorate;
			const target = scoring.target * prorate;
			const slope = w / (target - floor);
			for (let i = 0; i < n; i++) {
				const v = value[i];
				out[i] = v >= target ? w : v > floor ? (v - floor) * slope : 0;
			}
			return;
		}
		case 'linear_lower': {
			const { target, ceiling } = scoring;
			const slope = w / (ceiling - target);
			for (let i = 0; i < n; i++) {
				const v = value[i];
				out[i] = v <= target ? w : v < ceiling ? (ceiling - v) * slope : 0;
			}
			return;
		}
		case 'band': {
			const { low, high, falloff } = scoring;
			for (let i = 0; i < n; i++) {
				const v = value[i];
				const outside = v < low ? low - v : v > high ? v - high : 0;
				out[i] = v === v && outside < falloff ? w * (1 - outside / falloff) : 0;
			}
			return;
		}
		case 'zero':
			for (let i = 0; i < n; i++) out[i] = value[i] === 0 ? w : 0;
	}
}
