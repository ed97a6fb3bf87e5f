import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../config/catalog-schema';
import type { Connector } from '../connector/types';
import { parsePeriod } from '../periods';
import { COUNTY, indicatorRows, loadCatalog, openFixture } from './fixture';
import { indicatorValuesSql } from './indicators';
import type { IndicatorRow } from './types';

/**
 * Every catalog indicator for the fixture county, one period of each granularity, worked out by
 * hand from the table in fixture.ts. County month (all villages reporting): births 6, male 4,
 * female 2, in policy 5, deaths 4, four ops 6, checkups 40 due / 28 done, fee 3000.50 assessed /
 * 2000.25 collected, prepreg 28 (35 in 2024-05), floating 15 due / 14 done, info 4 sent /
 * 3 answered, reports 3 due / 3 on time. In 2024-02 V2 did not report: births 3 (m 2, f 1),
 * in policy 2, out of policy 1, deaths 3, four ops 3, checkups 20 / 10, prepreg 23, on time 1
 * (V3 late). In 2024-01 V3 was late (on time 2) and found 1 unreported birth.
 * Stocks at month t: pop 6000 + 30t (Dec 2023 6240, Mar 6330, May 6390, Jun 6420), women 1000,
 * users 840 + 3t. A month's exposure is (previous month-end + month-end) / 2 over the villages
 * used: 5985 + 30t with all three, 4285 in 2024-02 without V2 (V1 1095 + V3 3190).
 */
type Expected = [
	indicator: string,
	numerator: number,
	denominator: number | null,
	value: number | null
];

const cases: [period: string, months: number, lastMonth: number, expected: Expected[]][] = [
	[
		'2024-02',
		1,
		24289, // 2024 × 12 + 2 − 1
		[
			// V2 did not report: its births and its population both leave the rate (matched terms)
			['birth_rate', 3, 4285, 0.700117], // 3 / (V1 (1090 + 1100) / 2 + V3 (3180 + 3200) / 2) × 1000
			['death_rate', 3, 4285, 0.700117], // 1 + 2
			['natural_growth_rate', 0, 4285, 0], // (3 − 3) / 4285
			['sex_ratio_at_birth', 2, 1, 200],
			['policy_compliance_rate', 2, 3, 66.666667],
			['out_policy_multi_births', 1, null, 1],
			['contraceptive_prevalence', 870, 1000, 87], // 840 + 3 × 10
			['checkup_rate', 10, 20, 50], // 9 + 1 of 10 + 10
			['fee_collection_rate', 2000.25, 3000.5, 66.663889],
			['prepreg_check_completion', 51, 357, 14.285714], // Jan 28 + Feb 23, task 200 + 157
			['four_ops_completion', 9, 100, 9], // Jan 6 + Feb 3, county's own task 100
			['floating_check_rate', 14, 15, 93.333333],
			['floating_feedback_rate', 3, 4, 75],
			['unreported_birth_rate', 0, 3, 0],
			['report_timeliness', 1, 3, 33.333333] // only V1 on time
		]
	],
	[
		'2024Q1',
		3,
		24290,
		[
			// mean population = the months' exposures averaged: (Jan 6255 + Feb 4285 + Mar 6315) / 3
			['birth_rate', 15, 16855 / 3, 2.669831], // 6 + 3 + 6
			['death_rate', 11, 16855 / 3, 1.957876], // 4 + 3 + 4
			['natural_growth_rate', 4, 16855 / 3, 0.711955], // 15 − 11
			['sex_ratio_at_birth', 10, 5, 200],
			['policy_compliance_rate', 12, 15, 80], // 5 + 2 + 5
			['out_policy_multi_births', 1, null, 1],
			['contraceptive_prevalence', 873, 1000, 87.3], // March: 840 + 3 × 11
			['checkup_rate', 66, 100, 66], // 28 + 10 + 28 of 40 + 20 + 40
			['fee_collection_rate', 6000.75, 9001.5, 66.663889], // 3 × 2000.25 / 3 × 3000.50
			['prepreg_check_completion', 79, 357, 22.128852], // 28 + 23 + 28
			['four_ops_completion', 15, 100, 15],
			['floating_check_rate', 42, 45, 93.333333],
			['floating_feedback_rate', 9, 12, 75],
			['unreported_birth_rate', 1, 16, 6.25], // 1 / (15 + 1)
			['report_timeliness', 6, 9, 66.666667] // 2 + 1 + 3
		]
	],
	[
		'2024H1',
		6,
		24293,
		[
			// (6255 + 4285 + 6315 + 6345 + 6375 + 6405) / 6 = 35,980 / 6
			['birth_rate', 33, 35980 / 6, 5.503057], // 6 × 6 − 3
			['death_rate', 23, 35980 / 6, 3.835464], // 6 × 4 − 1
			['natural_growth_rate', 10, 35980 / 6, 1.667593],
			['sex_ratio_at_birth', 22, 11, 200],
			['policy_compliance_rate', 27, 33, 81.818182], // 6 × 5 − 3
			['out_policy_multi_births', 1, null, 1],
			['contraceptive_prevalence', 882, 1000, 88.2], // June: 840 + 3 × 14
			['checkup_rate', 150, 220, 68.181818], // 5 × 28 + 10 of 5 × 40 + 20
			['fee_collection_rate', 12001.5, 18003, 66.663889],
			['prepreg_check_completion', 170, 357, 47.619048], // 5 × 28 + 23 + 7 extra in May
			['four_ops_completion', 33, 100, 33],
			['floating_check_rate', 84, 90, 93.333333],
			['floating_feedback_rate', 18, 24, 75],
			['unreported_birth_rate', 1, 34, 2.941176], // 1 / (33 + 1)
			['report_timeliness', 15, 18, 83.333333] // 2 + 1 + 4 × 3
		]
	],
	[
		'2023', // data from April: 9 months; the year starts at April's stock (March is outside)
		9,
		24287,
		[
			// April, the first month of data, has no opening stock: its month-end 6000 stands in
			// (start_estimated); May … Dec: 5985 + 30t for t = 1 … 8 → (6000 + 48,960) / 9
			['birth_rate', 54, 54960 / 9, 8.842795], // 9 × 6
			['death_rate', 36, 54960 / 9, 5.895197],
			['natural_growth_rate', 18, 54960 / 9, 2.947598],
			['sex_ratio_at_birth', 36, 18, 200],
			['policy_compliance_rate', 45, 54, 83.333333],
			['out_policy_multi_births', 0, null, 0],
			['contraceptive_prevalence', 864, 1000, 86.4], // December only: 840 + 3 × 8
			['checkup_rate', 252, 360, 70],
			['fee_collection_rate', 18002.25, 27004.5, 66.663889],
			['prepreg_check_completion', 252, 200, 126], // 9 × 28 / 2023 tasks 100 + 100
			['four_ops_completion', 54, null, null], // no four_ops task for 2023
			['floating_check_rate', 126, 135, 93.333333],
			['floating_feedback_rate', 27, 36, 75],
			['unreported_birth_rate', 0, 54, 0],
			['report_timeliness', 27, 27, 100]
		]
	],
	[
		'2024-05YTD',
		5,
		24292,
		[
			// (6255 + 4285 + 6315 + 6345 + 6375) / 5 = 5915
			['birth_rate', 27, 5915, 4.564666], // 6 + 3 + 6 + 6 + 6
			['death_rate', 19, 5915, 3.212172],
			['natural_growth_rate', 8, 5915, 1.352494],
			['sex_ratio_at_birth', 18, 9, 200],
			['policy_compliance_rate', 22, 27, 81.481481],
			['out_policy_multi_births', 1, null, 1],
			['contraceptive_prevalence', 879, 1000, 87.9], // May: 840 + 3 × 13
			['checkup_rate', 122, 180, 67.777778],
			['fee_collection_rate', 10001.25, 15002.5, 66.663889],
			['prepreg_check_completion', 142, 357, 39.77591], // 28 + 23 + 28 + 28 + 35: 142 / 357
			['four_ops_completion', 27, 100, 27],
			['floating_check_rate', 70, 75, 93.333333],
			['floating_feedback_rate', 15, 20, 75],
			['unreported_birth_rate', 1, 28, 3.571429],
			['report_timeliness', 12, 15, 80]
		]
	]
];

const catalog = loadCatalog();
let db: Connector;
beforeAll(async () => {
	db = await openFixture(catalog);
});
afterAll(() => db.close());

describe.each(cases)('county, period %s', (text, months, lastMonth, expected) => {
	let rows: IndicatorRow[];
	beforeAll(async () => {
		const period = parsePeriod(text)!;
		const indicators = catalog.indicators.map((i) => i.id);
		rows = await indicatorRows(
			db,
			indicatorValuesSql(catalog, { level: 'county', indicators, period })
		);
	});

	it('covers every indicator of the catalog', () => {
		expect(expected.map((e) => e[0]).sort()).toEqual(catalog.indicators.map((i) => i.id).sort());
		expect(rows).toHaveLength(catalog.indicators.length);
	});

	it.each(expected)('%s = %s / %s → %s', (indicator, numerator, denominator, value) => {
		const row = rows.find((r) => r.indicator === indicator)!;
		expect(row).toMatchObject({ code: COUNTY, period_key: text, months, last_month: lastMonth });
		expect(row.numerator).toBeCloseTo(numerator, 6);
		if (denominator === null) expect(row.denominator).toBeNull();
		else expect(row.denominator).toBeCloseTo(denominator, 6);
		if (value === null) expect(row.value).toBeNull();
		else expect(row.value).toBeCloseTo(value, 5);
		expect(row.annualised).toBe(false);
	});
});

describe('a difference of rates with different denominators', () => {
	it('subtracts the values and has no counts behind it', async () => {
		// a county's own catalog may define one; the shipped natural growth rate shares its denominator
		const custom: Catalog = structuredClone(catalog);
		custom.indicators.push({
			...structuredClone(catalog.indicators[0]),
			id: 'policy_minus_checkup',
			formula: { kind: 'difference', minuend: 'policy_compliance_rate', subtrahend: 'checkup_rate' }
		});
		const sql = indicatorValuesSql(custom, {
			level: 'county',
			indicators: ['policy_minus_checkup', 'birth_rate'],
			period: parsePeriod('2024Q1')!,
			annualise: true
		});
		const rows = await indicatorRows(db, sql);
		const diff = rows.find((r) => r.indicator === 'policy_minus_checkup')!;
		expect([diff.numerator, diff.denominator, diff.annualised]).toEqual([null, null, false]);
		expect(diff.value).toBeCloseTo(14, 9); // 12 / 15 = 80% − 66 / 100 = 66%
	});
});
