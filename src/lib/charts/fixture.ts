import type { Indicator } from '../config/catalog-schema';
import { parsePeriod } from '../periods';
import type { IndicatorRow } from '../query/types';
import type { TrendConfig, TrendSeries } from './types';

// Test data for the chart builders (imported by tests only).

export const compliance: Indicator = {
	id: 'policy_compliance_rate',
	category: 'policy',
	name: { zh: '政策符合率', en: 'Policy compliance rate' },
	aliases: [],
	unit: 'percent',
	decimals: 2,
	better: 'higher',
	formula: {
		kind: 'ratio',
		numerator: { sum: ['births_in_policy'] },
		denominator: { sum: ['births_total'] },
		scale: 100,
		annualisable: false,
		year_to_date: false
	}
};

export const birthRate: Indicator = {
	...compliance,
	id: 'birth_rate',
	name: { zh: '出生率', en: 'Birth rate' },
	unit: 'permille',
	better: 'none',
	formula: {
		kind: 'ratio',
		numerator: { sum: ['births_total'] },
		denominator: { mean: 'pop_total' },
		scale: 1000,
		annualisable: true,
		year_to_date: false
	}
};

export const sexRatio: Indicator = {
	...compliance,
	id: 'sex_ratio_at_birth',
	unit: 'ratio',
	better: 'band',
	band: [103, 107]
};

/** A row per key; [value, numerator, denominator] or null for a bucket without a rate. */
export function rows(
	code: string,
	data: [string, [number, number, number] | null][],
	extra: Partial<IndicatorRow> = {}
): IndicatorRow[] {
	return data.map(([key, v]) => {
		const p = parsePeriod(key)!;
		return {
			code,
			indicator: 'policy_compliance_rate',
			period_key: key,
			period_from: p.from,
			period_to: p.to,
			months: p.to - p.from + 1,
			last_month: p.to,
			numerator: v ? v[1] : null,
			denominator: v ? v[2] : null,
			value: v ? v[0] : null,
			annualised: false,
			due: p.to - p.from + 1,
			reported: p.to - p.from + 1,
			used: p.to - p.from + 1,
			carried: 0,
			start_estimated: 0,
			...extra
		};
	});
}

export const county: TrendSeries = {
	code: '990101000000',
	name: '示范县',
	rows: rows('990101000000', [
		['2024-01', [90, 90, 100]],
		['2024-02', [85, 17, 20]],
		['2024-03', [92.6829, 152, 164]]
	])
};

export const hostile: TrendSeries = {
	code: '990101001000',
	name: '<img src=x onerror=alert(1)>',
	rows: rows('990101001000', [
		['2024-01', [88, 22, 25]],
		['2024-02', null],
		['2024-03', [95, 19, 20]]
	])
};

export const config: TrendConfig = {
	indicator: compliance,
	lang: 'zh',
	numeratorLabel: '政策内出生',
	denominatorLabel: '出生人数',
	annualised: false
};
