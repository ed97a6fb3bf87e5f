import { afterAll, describe, expect, it } from 'vitest';
import type { Connector } from '../connector/types';
import { monthIndex, parsePeriod } from '../periods';
import {
	buildRaw,
	indicatorRows,
	loadCatalog,
	openBuilt,
	villageRows,
	type RawCounty
} from './fixture';
import { indicatorValuesSql } from './indicators';
import type { IndicatorRow, Level } from './types';

/**
 * The cases of "numbers that hold when reports are missing or late", each on a small county put
 * through the real builder: every one of them gave a wrong number before matched terms.
 */
const catalog = loadCatalog();
const C = '990201000000';
const T = '990201001000';
const V = (n: number) => `99020100100${n}`;
const units = (villages: number) => [
	{ code: C, name: '县', level: 'county', kind: '县' },
	{ code: T, name: '镇', level: 'township', parent_code: C, kind: '镇' },
	...Array.from({ length: villages }, (_, i) => ({
		code: V(i + 1),
		name: `${i + 1}村`,
		level: 'village',
		parent_code: T,
		kind: '村'
	}))
];
const open: Connector[] = [];
afterAll(async () => {
	for (const db of open) await db.close();
});

async function built(raw: RawCounty, today?: string) {
	const db = await openBuilt(raw, catalog, today);
	open.push(db);
	return db;
}

async function one(
	db: Connector,
	level: Level,
	indicator: string,
	period: string,
	annualise = false
) {
	const rows = await indicatorRows(
		db,
		indicatorValuesSql(catalog, {
			level,
			indicators: [indicator],
			period: parsePeriod(period)!,
			annualise
		})
	);
	expect(rows).toHaveLength(1);
	return rows[0];
}

const jan = monthIndex(2024, 1);

describe('1. numerator and denominator come from the same villages', () => {
	it('a village leaving 政策内出生 blank leaves the compliance rate, not only its numerator', async () => {
		const reports = villageRows({ [V(1)]: T, [V(2)]: T }, jan, jan + 2, (code) => ({
			pop_total: 1000,
			births_total: 2,
			births_in_policy: code === V(1) ? 2 : null
		}));
		const db = await built({ units: units(2), reports });
		const r = await one(db, 'township', 'policy_compliance_rate', '2024Q1');
		// was 6 / 12 = 50%: V2's births counted in the denominator alone
		expect([r.numerator, r.denominator, r.value]).toEqual([6, 6, 100]);
		expect([r.due, r.reported, r.used]).toEqual([6, 6, 3]);
	});
});

describe('2. a missing month is neither zero events nor a population kept in the rate', () => {
	it('a village that stopped after January leaves the rates; its stocks are carried two months', async () => {
		const reports = villageRows({ [V(1)]: T, [V(2)]: T }, jan, jan + 3, (code, m) =>
			code === V(2) && m > jan
				? null
				: {
						pop_total: code === V(1) ? 1000 : 5000,
						births_total: 1,
						women_married_15_49: 100,
						contraception_users: 90
					}
		);
		const db = await built({ units: units(2), reports });
		const births = await one(db, 'township', 'birth_rate', '2024-04');
		expect([births.numerator, births.denominator]).toEqual([1, 1000]); // was 1 / 6000
		const march = await one(db, 'township', 'contraceptive_prevalence', '2024-03');
		expect([march.numerator, march.denominator, march.used, march.carried]).toEqual([
			180, 200, 2, 1
		]);
		const april = await one(db, 'township', 'contraceptive_prevalence', '2024-04');
		expect([april.numerator, april.denominator, april.used, april.due]).toEqual([90, 100, 1, 2]);
	});

	it('a village that skipped February: annualised Q1 birth rate 36‰, not 24‰', async () => {
		const reports = villageRows({ [V(1)]: T }, jan - 1, jan + 2, (_, m) =>
			m === jan + 1 ? null : { pop_total: 1000, births_total: 3 }
		);
		const db = await built({ units: units(1), reports });
		const r = await one(db, 'village', 'birth_rate', '2024Q1', true);
		expect(r.numerator).toBe(6);
		expect(r.value).toBeCloseTo(36, 9); // 6 births in 2 observed months of 1,000 people
		expect([r.due, r.used]).toEqual([3, 2]);
	});
});

describe('3. one early report moves neither the latest month nor the timeliness of others', () => {
	it('a build on 1 May with one April report: latest month March, April not late', async () => {
		const reports = villageRows(
			{ [V(1)]: T, [V(2)]: T, [V(3)]: T, [V(4)]: T, [V(5)]: T },
			jan,
			jan + 3,
			(code, m) => (m === jan + 3 && code !== V(1) ? null : { pop_total: 1000, births_total: 1 })
		).map((r) => (r.period === '2024-04' ? { ...r, submitted_on: '2024-04-30' } : r));
		const { db, manifest } = await buildRaw({ units: units(5), reports }, catalog, {
			today: '2024-05-01'
		});
		open.push(db);
		expect(manifest.periods).toEqual({ from: '2024-01', to: '2024-04', latest: '2024-03' });
		expect(manifest.today).toBe('2024-05-01');
		const timely = await one(db, 'township', 'report_timeliness', '2024-04');
		expect([timely.numerator, timely.denominator]).toEqual([1, 1]); // was 1 / 5: four "late"
		const births = await one(db, 'township', 'birth_rate', '2024-04');
		expect([births.numerator, births.denominator, births.used, births.due]).toEqual([
			1, 1000, 1, 5
		]);
	});
});

// 4. year on year over unequal periods: src/lib/views/tiles.test.ts ("comparable periods")

describe("5. the build clock is the county's", () => {
	it('at 07:30 Beijing time on 2 May a report dated 2 May is not in the future', async () => {
		const reports = villageRows({ [V(1)]: T }, jan, jan + 3, () => ({
			pop_total: 1000,
			births_total: 1
		}));
		reports[3].submitted_on = '2024-05-02';
		const now = new Date('2024-05-01T23:30:00Z'); // still 1 May in UTC
		const { db, manifest } = await buildRaw({ units: units(1), reports }, catalog, { now });
		open.push(db);
		expect(manifest.today).toBe('2024-05-02');
		const r = await one(db, 'village', 'report_timeliness', '2024-04');
		expect([r.numerator, r.denominator]).toEqual([1, 1]);
	});
});

describe('6. an empty 报送日期 is unknown, not late', () => {
	it('is left out of timeliness and said in a warning', async () => {
		const reports = villageRows({ [V(1)]: T, [V(2)]: T }, jan, jan, () => ({ pop_total: 1000 }));
		reports[1].submitted_on = null;
		const { db, issues } = await buildRaw({ units: units(2), reports }, catalog);
		open.push(db);
		const r = await one(db, 'township', 'report_timeliness', '2024-01');
		expect([r.numerator, r.denominator, r.value]).toEqual([1, 1, 100]); // was 1 / 2
		expect(
			issues.filter((i) => i.rule === 'submitted_missing').map((i) => [i.line, i.severity])
		).toEqual([[3, 'warning']]);
	});
});

describe('7. stock_carried means the same at every level', () => {
	it('is 1 on a village row whose stocks were carried and counts villages above', async () => {
		const reports = villageRows({ [V(1)]: T, [V(2)]: T, [V(3)]: T }, jan, jan + 1, (code, m) =>
			m > jan && code !== V(1) ? null : { pop_total: 1000 }
		);
		const db = await built({ units: units(3), reports });
		const rows = (
			await db.query(
				`SELECT (SELECT sum(stock_carried) FROM village_month WHERE period = DATE '2024-02-01') AS villages,
			        (SELECT max(stock_carried) FROM village_month) AS flag,
			        (SELECT stock_carried FROM township_month WHERE period = DATE '2024-02-01') AS township`
			)
		)
			.toArray()
			.map((r) => r.toJSON());
		expect(rows).toEqual([{ villages: 2, flag: 1, township: 2 }]);
	});
});

describe('a missing report changes only what it must', () => {
	it('removing one village-month changes no other village and its township only by its matched terms', async () => {
		const codes = { [V(1)]: T, [V(2)]: T, [V(3)]: T };
		const row = (code: string, m: number) => ({
			pop_total: 1000 * Number(code.slice(-1)) + (m - jan) * 3,
			women_married_15_49: 200,
			contraception_users: 150 + (m % 7),
			births_total: 3,
			births_male: 2,
			births_female: 1,
			births_in_policy: 2 + (m % 2),
			deaths: 1,
			checkups_due: 10,
			checkups_done: 8 + (m % 3),
			fee_assessed: 100,
			fee_collected: 40 + (m % 50)
		});
		const full = villageRows(codes, jan - 1, jan + 5, row);
		const gap = full.filter((r) => !(r.code === V(2) && r.period === '2024-03'));
		const ids = catalog.indicators.map((i) => i.id);
		const periods = ['2024-03', '2024Q1', '2024H1', '2024-04'].map((p) => parsePeriod(p)!);
		const run = async (reports: typeof full) => {
			const db = await built({ units: units(3), reports });
			const q = (level: Level) =>
				indicatorRows(db, indicatorValuesSql(catalog, { level, indicators: ids, period: periods }));
			return { village: await q('village'), township: await q('township') };
		};
		const before = await run(full);
		const after = await run(gap);
		const key = (r: IndicatorRow) => `${r.code}|${r.indicator}|${r.period_key}`;
		const others = (rows: IndicatorRow[]) => rows.filter((r) => r.code !== V(2));
		expect(others(after.village)).toEqual(others(before.village));
		const v2 = (rows: IndicatorRow[]) =>
			new Map(
				rows.filter((r) => r.code === V(2)).map((r) => [`${r.indicator}|${r.period_key}`, r])
			);
		const [v2Before, v2After] = [v2(before.village), v2(after.village)];
		const townshipBefore = new Map(before.township.map((r) => [key(r), r]));
		let compared = 0;
		for (const t of after.township) {
			const b = townshipBefore.get(key(t))!;
			const vb = v2Before.get(`${t.indicator}|${t.period_key}`)!;
			const va = v2After.get(`${t.indicator}|${t.period_key}`)!;
			expect(t.used - b.used, key(t)).toBe(va.used - vb.used);
			if (
				t.denominator === null ||
				vb.denominator === null ||
				t.indicator === 'prepreg_check_completion' ||
				t.indicator === 'four_ops_completion'
			)
				continue;
			// sums over villages: the township moves exactly by what V2's matched terms moved
			expect(t.numerator! - b.numerator!, key(t)).toBeCloseTo(
				(va.numerator ?? 0) - vb.numerator!,
				9
			);
			expect(t.denominator - b.denominator!, key(t)).toBeCloseTo(
				(va.denominator ?? 0) - vb.denominator,
				9
			);
			compared++;
		}
		expect(compared).toBeGreaterThan(20);
		// and the removal did change something
		expect(after.township).not.toEqual(before.township);
	});
});

describe('a village that changes township', () => {
	it("keeps last year's months with last year's township when moves.csv says so", async () => {
		const T2 = '990201002000';
		const moved = '990201002009';
		const raw = {
			units: [
				...units(1),
				{ code: T2, name: '乡', level: 'township', parent_code: C, kind: '乡' },
				{ code: moved, name: '新划入村', level: 'village', parent_code: T2, kind: '村' }
			],
			reports: villageRows({ [V(1)]: T, [moved]: T2 }, jan - 2, jan + 1, (code) => ({
				pop_total: 1000,
				births_total: code === moved ? 5 : 1
			}))
		};
		const births = async (db: Connector, code: string, period: string) =>
			(
				await indicatorRows(
					db,
					indicatorValuesSql(catalog, {
						level: 'township',
						codes: [code],
						indicators: ['birth_rate'],
						period: parsePeriod(period)!
					})
				)
			)[0]?.numerator ?? null;
		const withMoves = await built({
			...raw,
			files: { 'moves.csv': `code,month,old_parent_code\n${moved},2024-01,${T}\n` }
		});
		expect(await births(withMoves, T, '2023')).toBe(2 + 10); // V1 and the village, Nov–Dec 2023
		expect(await births(withMoves, T2, '2023')).toBeNull();
		expect(await births(withMoves, T, '2024')).toBe(2);
		expect(await births(withMoves, T2, '2024')).toBe(10);
		// the township's villages of each month add up to its totals: in 2023 the village is
		// listed under its old township, in 2024 under its new one
		const villages = async (db: Connector, parent: string, period: string) =>
			(
				await indicatorRows(
					db,
					indicatorValuesSql(catalog, {
						level: 'village',
						parent,
						indicators: ['birth_rate'],
						period: parsePeriod(period)!
					})
				)
			).map((r) => [r.code, r.numerator]);
		expect(await villages(withMoves, T, '2023')).toEqual([
			[V(1), 2],
			[moved, 10]
		]);
		expect(await villages(withMoves, T2, '2023')).toEqual([]);
		expect(await villages(withMoves, T, '2024')).toEqual([[V(1), 2]]);
		expect(await villages(withMoves, T2, '2024')).toEqual([[moved, 10]]);
		// without the move recorded, units.csv alone rewrites 2023 (the reason moves.csv exists)
		const without = await built(raw);
		expect(await births(without, T, '2023')).toBe(2);
	});

	it('refuses a move naming a unit that is not a township', async () => {
		const raw = {
			units: units(1),
			reports: villageRows({ [V(1)]: T }, jan, jan, () => ({ pop_total: 1 })),
			files: { 'moves.csv': `code,month,old_parent_code\n${V(1)},2024-01,${C}\n` }
		};
		await expect(buildRaw(raw, catalog)).rejects.toThrow(
			/moves\.csv:2: error: column old_parent_code: .*is not a township/
		);
	});
});
