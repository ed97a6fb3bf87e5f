import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../connector/types';
import { monthIndex, parsePeriod } from '../periods';
import { indicatorRows, loadCatalog, openBuilt, villageRows } from './fixture';
import { indicatorValuesSql } from './indicators';

/**
 * The report of seed 001: "1—5月份出生164人, 出生率8‰" for a town of about 20,405 people.
 * One village carries the whole town: population 20,400 at the end of December 2023 rising by
 * 2 a month to 20,410 at the end of May; births 30, 32, 34, 33, 35 in January–May (= 164) and
 * 40 in December, which must not count.
 */
const catalog = loadCatalog();
const pop = [20400, 20402, 20404, 20406, 20408, 20410];
const births = [40, 30, 32, 34, 33, 35];
let db: Connector;

beforeAll(async () => {
	const from = monthIndex(2023, 12);
	db = await openBuilt(
		{
			units: [
				{ code: '990102000000', name: '县', level: 'county', kind: '县' },
				{
					code: '990102001000',
					name: '镇',
					level: 'township',
					parent_code: '990102000000',
					kind: '镇'
				},
				{
					code: '990102001001',
					name: '村',
					level: 'village',
					parent_code: '990102001000',
					kind: '村'
				}
			],
			reports: villageRows({ '990102001001': '990102001000' }, from, from + 5, (_, m) => ({
				pop_total: pop[m - from],
				births_total: births[m - from],
				deaths: 10
			}))
		},
		catalog
	);
});
afterAll(() => db.close());

describe('seed 001: 164 births by the end of May over 20,405 people', () => {
	it.each([
		['county', false, 8.037246], // 164 / ((20,400 + 20,410) / 2) × 1000 ≈ 8‰, as reported
		['county', true, 19.28939], // × 12 / 5 for a trend chart
		['township', false, 8.037246],
		['village', false, 8.037246]
	] as const)('%s birth rate, annualise=%s → %s‰', async (level, annualise, value) => {
		const sql = indicatorValuesSql(catalog, {
			level,
			indicators: ['birth_rate'],
			period: parsePeriod('2024-05YTD')!,
			annualise
		});
		const [row] = await indicatorRows(db, sql);
		expect([row.numerator, row.denominator, row.months]).toEqual([164, 20405, 5]);
		expect(row.value).toBeCloseTo(value, 5);
		expect(Math.round(row.value!)).toBe(annualise ? 19 : 8);
	});
});
