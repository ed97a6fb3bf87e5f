import type { MonthIndex } from '../../lib/periods';
import type { Township } from './model';
import { hash32 } from './random';

/**
 * Typing slips planted for the 数据质量 page's outlier check: in the last year of data, about one
 * township in five has one village whose deaths of one month were keyed with an extra 0 (多打一个
 * 0) — the kind of figure a statistician must catch before it reaches a report. Chosen by hashing
 * the township code, never by drawing from the random stream, so every other number of the demo
 * stays exactly what it was. Deaths feed only the death and natural growth rates, which the
 * scheme does not score, so the assessment is unchanged.
 */
export interface PlantedTypo {
	/** Index of the village in its township. */
	village: number;
	month: MonthIndex;
}

export function plantedTypo(t: Township, months: readonly MonthIndex[]): PlantedTypo | null {
	if (!months.length || !t.villages.length || hash32('typo', t.code) % 5 !== 0) return null;
	return {
		village: hash32('typo-village', t.code) % t.villages.length,
		month: months[hash32('typo-month', t.code) % months.length]
	};
}

/** The deaths a slip turns `deaths` into: at least 40, so that the slip stands out of a large village's year too. */
export const typoDeaths = (deaths: number): number => Math.max(deaths, 4) * 10;
