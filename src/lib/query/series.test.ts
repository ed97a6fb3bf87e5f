import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Connector } from '../connector/types';
import {
	monthIndex,
	parsePeriod,
	previousPeriod,
	samePeriodLastYear,
	type Granularity
} from '../periods';
import {
	COUNTY,
	FIRST,
	indicatorRows,
	LAST,
	loadCatalog,
	openFixture,
	T1,
	T2,
	V1,
	V2,
	V3
} from './fixture';
import { indicatorSeriesSql, indicatorValuesSql } from './indicators';
import type { SeriesSpec, ValuesSpec } from './types';

const catalog = loadCatalog();
let db: Connector;
beforeAll(async () => {
	db = await openFixture(catalog);
});
afterAll(() => db.close());

const series = (spec: Partial<SeriesSpec> & Pick<SeriesSpec, 'indicator'>) =>
	indicatorRows(
		db,
		indicatorSeriesSql(catalog, {
			level: 'county',
			from: FIRST,
			to: LAST,
			granularity: 'month',
			...spec
		})
	);
const values = (period: string, spec: Partial<ValuesSpec> & Pick<ValuesSpec, 'indicators'>) =>
	indicatorRows(
		db,
		indicatorValuesSql(catalog, { level: 'county', period: parsePeriod(period)!, ...spec })
	);
const one = async (period: string, spec: Partial<ValuesSpec> & { indicator: string }) => {
	const { indicator, ...rest } = spec;
	const rows = await values(period, { ...rest, indicators: [indicator] });
	expect(rows).toHaveLength(1);
	return rows[0];
};

// data 2023-04 … 2024-06: buckets and the months of each that have data
const shapes: [Granularity, string[], number[]][] = [
	['month', months().map((m) => m.key), months().map(() => 1)],
	['quarter', ['2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2'], [3, 3, 3, 3, 3]],
	['half', ['2023H1', '2023H2', '2024H1'], [3, 6, 6]],
	['year', ['2023', '2024'], [9, 6]],
	['ytd', months().map((m) => `${m.key}YTD`), [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6]]
];

function months() {
	return Array.from({ length: LAST - FIRST + 1 }, (_, i) => {
		const m = FIRST + i;
		return { m, key: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}` };
	});
}

describe('granularities', () => {
	it.each(shapes)('%s buckets over the whole data range', async (granularity, keys, counts) => {
		const rows = await series({ indicator: 'birth_rate', granularity });
		expect(rows.map((r) => r.period_key)).toEqual(keys);
		expect(rows.map((r) => r.months)).toEqual(counts);
	});

	const grid = catalog.indicators
		.map((i) => i.id)
		.flatMap((id) => shapes.map(([g, keys]) => [id, g, keys.length] as const));
	it.each(grid)(
		'%s by %s: one row per bucket, value = numerator / denominator',
		async (id, g, n) => {
			const ind = catalog.indicators.find((i) => i.id === id)!;
			const rows = await series({ indicator: id, granularity: g });
			expect(rows).toHaveLength(n);
			for (const r of rows) {
				if (ind.formula.kind !== 'ratio' || r.numerator === null || !r.denominator) continue;
				expect(r.value).toBeCloseTo((r.numerator / r.denominator) * ind.formula.scale, 9);
			}
		}
	);

	it('widens the range to whole buckets: a quarter series asked from February starts in January', async () => {
		const from = monthIndex(2024, 2);
		const rows = await series({
			indicator: 'birth_rate',
			granularity: 'quarter',
			from,
			to: from + 2
		});
		expect(rows.map((r) => [r.period_key, r.period_from, r.period_to])).toEqual([
			['2024Q1', 24288, 24290],
			['2024Q2', 24291, 24293]
		]);
	});
});

describe('stocks', () => {
	it('a year takes the stock of its last month, never the sum over months', async () => {
		const r = await one('2023', { indicator: 'contraceptive_prevalence' });
		// December 2023: users 840 + 3 × 8 = 864 (the sum Apr–Dec would be 7668), women 1000
		expect([r.numerator, r.denominator, r.value]).toEqual([864, 1000, 86.4]);
	});

	it('the mean population starts at the previous month', async () => {
		const r = await one('2024Q1', { indicator: 'birth_rate', level: 'village', codes: [V1] });
		// months (1080 + 1090) / 2, (1090 + 1100) / 2, (1100 + 1110) / 2 averaged: 1095, which for
		// steady growth is (Dec 2023 1080 + Mar 2024 1110) / 2 — not January's 1090
		expect(r.denominator).toBe(1095);
		expect(r.start_estimated).toBe(0);
	});

	it('falls back to the first month when the month before is outside the data', async () => {
		// March 2023 has no data: April's month-end stands in for its opening stock, and says so
		const county = await one('2023Q2', { indicator: 'birth_rate' });
		expect(county.denominator).toBe(6020); // (Apr 6000 + May 6015 + Jun 6045) / 3
		expect([county.used, county.start_estimated]).toEqual([9, 3]);
		const village = await one('2023Q2', { indicator: 'birth_rate', level: 'village', codes: [V1] });
		expect(village.denominator).toBeCloseTo(3020 / 3, 9); // (1000 + 1005 + 1015) / 3
		expect(village.start_estimated).toBe(1);
	});

	it('a partial year ends at its last month with data and says so', async () => {
		const r = await one('2024', { indicator: 'contraceptive_prevalence' });
		// data ends 2024-06: 截至6月, June's users 840 + 3 × 14 = 882
		expect(r).toMatchObject({ months: 6, last_month: monthIndex(2024, 6), numerator: 882 });
		expect([r.period_from, r.period_to]).toEqual([monthIndex(2024, 1), monthIndex(2024, 12)]);
	});
});

describe('birth and death rates: cumulative by default, annualised on request', () => {
	it.each([
		['2023', false, 8.842795, false], // 54 / (54,960 / 9) × 1000
		['2023', true, 11.790393, true], // × 12 / 9 months with data
		['2024', true, 11.006115, true] // 33 / (35,980 / 6) × 1000 × 12 / 6
	])('birth rate %s annualise=%s → %s', async (period, annualise, value, flag) => {
		const r = await one(period, { indicator: 'birth_rate', annualise });
		expect(r.value).toBeCloseTo(value, 5);
		expect(r.annualised).toBe(flag);
	});

	it('natural growth rate is births − deaths over the same mean population', async () => {
		const r = await one('2023', { indicator: 'natural_growth_rate', annualise: true });
		// (54 − 36) / (54,960 / 9) × 1000 × 12 / 9
		expect([r.numerator, r.annualised]).toEqual([18, true]);
		expect(r.denominator).toBeCloseTo(54960 / 9, 9);
		expect(r.value).toBeCloseTo(3.930131, 5);
	});

	it('annualise leaves other indicators alone', async () => {
		const r = await one('2023', { indicator: 'policy_compliance_rate', annualise: true });
		expect([r.value, r.annualised]).toEqual([(45 / 54) * 100, false]);
	});
});

describe('ratio of sums', () => {
	it('the county rate is Σ done / Σ due, not the mean of township rates', async () => {
		const rows = await values('2024Q1', { indicators: ['checkup_rate'], level: 'township' });
		// T1: V1 27 of 30 + V2 36 of 40 (Feb unreported) = 63 / 70 = 90%; T2: V3 3 / 30 = 10%
		expect(rows.map((r) => [r.code, r.numerator, r.denominator, r.value])).toEqual([
			[T1, 63, 70, 90],
			[T2, 3, 30, 10]
		]);
		const county = await one('2024Q1', { indicator: 'checkup_rate' });
		expect(county.value).toBe(66); // 66 / 100, where the mean of township rates is 50
	});

	it('a quarter is Σ over its months, not the mean of monthly rates', async () => {
		const months = await series({ indicator: 'checkup_rate', from: 24288, to: 24290 });
		expect(months.map((r) => r.value)).toEqual([70, 50, 70]); // mean 63.33
		expect((await one('2024Q1', { indicator: 'checkup_rate' })).value).toBe(66);
	});
});

describe('year-to-date tasks', () => {
	it('a month accumulates from January: 142 / 357 = 39.78% by May', async () => {
		const r = await one('2024-05', { indicator: 'prepreg_check_completion' });
		expect([r.numerator, r.denominator]).toEqual([142, 357]);
		expect(r.value).toBeCloseTo(39.77591, 5);
	});

	it('the monthly series restarts every January', async () => {
		const rows = await series({ indicator: 'prepreg_check_completion', from: 24286, to: 24290 });
		// Nov, Dec 2023: 8 × 28, 9 × 28 (data from April); 2024: 28, 28 + 23, 28 + 23 + 28
		expect(rows.map((r) => r.numerator)).toEqual([224, 252, 28, 51, 79]);
		expect(rows.map((r) => r.denominator)).toEqual([200, 200, 357, 357, 357]);
	});

	it.each([
		['county without its own row: sum of townships', 'prepreg_check_completion', COUNTY, 357],
		['county with its own row: that row', 'four_ops_completion', COUNTY, 100],
		['township: its own row', 'four_ops_completion', T1, 60],
		['village with a row', 'prepreg_check_completion', V1, 120],
		['village without a row: none', 'prepreg_check_completion', V2, null]
	] as const)('task of a %s', async (_, indicator, code, task) => {
		const level = code === COUNTY ? 'county' : code.endsWith('000') ? 'township' : 'village';
		const r = await one('2024Q1', { indicator, level, codes: [code] });
		expect(r.denominator).toBe(task);
		if (task === null) expect(r.value).toBeNull();
	});
});

describe('comparison periods', () => {
	it('same period last year and the previous period in one query', async () => {
		const p = parsePeriod('2024Q2')!;
		const rows = await indicatorRows(
			db,
			indicatorValuesSql(catalog, {
				level: 'county',
				indicators: ['birth_rate'],
				period: [p, samePeriodLastYear(p), previousPeriod(p)]
			})
		);
		const got = rows.map((r) => [r.period_key, r.numerator, r.denominator]);
		expect(got).toEqual([
			['2023Q2', 18, 6020], // (Apr 6000 standing in + May 6015 + Jun 6045) / 3
			['2024Q1', 15, 16855 / 3], // V2's unreported February leaves both sides
			['2024Q2', 18, 6375] // (6345 + 6375 + 6405) / 3 = (Mar 6330 + Jun 6420) / 2
		]);
		expect(rows.map((r) => r.value)).toEqual(
			got.map(([, n, d]) => ((n as number) / (d as number)) * 1000)
		);
	});
});

describe('missing and zero', () => {
	it('a zero denominator gives NULL, not an error or Infinity', async () => {
		const r = await one('2024Q1', {
			indicator: 'floating_feedback_rate',
			level: 'township',
			codes: [T2]
		});
		expect([r.numerator, r.denominator, r.value]).toEqual([0, 0, null]);
	});

	it('unreported flows are left out of sums', async () => {
		const q1 = await one('2024Q1', { indicator: 'birth_rate', level: 'village', codes: [V2] });
		expect(q1.numerator).toBe(6); // Jan 3 + Mar 3; February was not reported
		const feb = await one('2024-02', { indicator: 'birth_rate', level: 'village', codes: [V2] });
		expect([feb.months, feb.numerator, feb.value]).toEqual([1, null, null]);
		// its stock is carried through the missing month, but a population without its births
		// would only dilute the rate: the month is not used
		expect(feb.denominator).toBeNull();
		expect([feb.due, feb.reported, feb.used]).toEqual([1, 0, 0]);
		expect([q1.due, q1.reported, q1.used]).toEqual([3, 2, 2]);
	});

	it('timeliness counts the missing report as due and not on time, at village level', async () => {
		const rows = await values('2024Q1', {
			indicators: ['report_timeliness'],
			level: 'village',
			parent: T1
		});
		expect(rows.map((r) => [r.code, r.numerator, r.denominator])).toEqual([
			[V1, 3, 3],
			[V2, 2, 3]
		]);
		const v3 = await one('2024Q1', {
			indicator: 'report_timeliness',
			level: 'village',
			codes: [V3]
		});
		expect([v3.numerator, v3.denominator]).toEqual([1, 3]); // late in January and February
	});
});

describe('unit selection', () => {
	it('hostile codes are data: they match nothing and break nothing', async () => {
		const hostile = `O'Brien"; DROP TABLE units; --`;
		const rows = await values('2024Q1', {
			indicators: ['birth_rate'],
			level: 'township',
			codes: [hostile, T1]
		});
		expect(rows.map((r) => r.code)).toEqual([T1]);
		const parent = await values('2024Q1', {
			indicators: ['birth_rate'],
			level: 'village',
			parent: hostile
		});
		expect(parent).toEqual([]);
		expect(rowsOf(await db.query('SELECT count(*) AS n FROM units'))).toEqual([{ n: 6 }]);
	});

	it('an empty code list selects nothing', async () => {
		expect(await values('2024Q1', { indicators: ['birth_rate'], codes: [] })).toEqual([]);
	});

	it('parent selects the villages of a township', async () => {
		const rows = await values('2024Q1', {
			indicators: ['birth_rate'],
			level: 'village',
			parent: T1
		});
		expect(rows.map((r) => r.code)).toEqual([V1, V2]);
	});
});
