import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config-files';
import { compileChecks } from '../build/report-row';
import { dayNumber, monthIndex, monthOf, yearOf } from '../../lib/periods';
import { buildModel, type DemoOptions, type Role, type Township } from './model';
import { MEASURES, townshipYears, type MeasureId, type ReportRow } from './reports';
import {
	all,
	lastYear,
	model,
	perMille,
	pop,
	rate,
	rows,
	rowsOf,
	slips,
	stockAt,
	sum,
	withRole
} from './testing';

const { catalog } = defaultConfig();

describe('every generated row is valid', () => {
	const checks = compileChecks(catalog);
	const smallProvince: DemoOptions = {
		seed: 7,
		townships: 40,
		villages: 400,
		from: monthIndex(2023, 1),
		to: monthIndex(2024, 12)
	};
	const province = buildModel(smallProvince);
	const cases: [string, ReportRow[]][] = [
		['default county', rows],
		[
			'three small counties, another seed',
			province.townships.flatMap((t) => [...townshipYears(province, t)].flatMap((ty) => ty.rows))
		]
	];

	it('reports the measures of the catalog, in its order', () => {
		expect([...MEASURES]).toEqual(catalog.measures.map((m) => m.id));
	});

	it.each(cases)('%s: satisfies every consistency rule of the catalog', (_case, rs) => {
		const broken: string[] = [];
		for (const r of rs) {
			const values = catalog.measures.map((m) => r[m.id as MeasureId]);
			for (const c of checks) {
				const detail = c.fn(values);
				if (detail) broken.push(`${r.code} ${r.month} ${c.id}: ${detail}`);
			}
			// Not in the catalog but implied by it: out-of-policy third births are out of policy.
			if (r.births_out_policy_3p! > r.births_total! - r.births_in_policy!)
				broken.push(`${r.code} out_policy`);
		}
		expect(broken.slice(0, 5)).toEqual([]);
	});

	it.each(cases)(
		'%s: counts are non-negative integers, money has at most 2 decimals',
		(_case, rs) => {
			const bad: string[] = [];
			for (const r of rs)
				for (const m of catalog.measures) {
					const v = r[m.id as MeasureId];
					if (v === null) continue;
					const ok =
						m.type === 'money'
							? v >= 0 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6
							: Number.isInteger(v) && v >= 0;
					if (!ok) bad.push(`${r.code} ${r.month} ${m.id}=${v}`);
				}
			expect(bad.slice(0, 5)).toEqual([]);
		}
	);

	it('sorts each file by month, then village code, inside the requested months', () => {
		for (const ty of all) {
			const keys = ty.rows.map((r) => `${r.month}:${r.code}`);
			expect(keys).toEqual([...keys].sort());
			expect(ty.rows.every((r) => yearOf(r.month) === ty.year)).toBe(true);
		}
	});

	it('is submitted after the month it reports', () => {
		const early = rows.filter(
			(r) => r.submittedOn < dayNumber(yearOf(r.month + 1), monthOf(r.month + 1), 1)
		);
		expect(early).toEqual([]);
	});
});

describe('magnitudes of the default county', () => {
	const ordinary = (role: Role) => model.townships.filter((t) => !t.roles.includes(role));

	it('keeps every township between 8,000 and 40,000 people', () => {
		for (const t of model.townships)
			for (const year of model.years) {
				expect(pop(t, monthIndex(year, 12))).toBeGreaterThanOrEqual(8000);
				expect(pop(t, monthIndex(year, 12))).toBeLessThanOrEqual(40_000);
			}
	});

	it('has birth rates of 7–14‰ and death rates of about 5–7‰ in every township-year', () => {
		for (const t of model.townships)
			for (const year of model.years) {
				const br = perMille(t, year, 'births_total');
				expect(br, `${t.code} ${year} birth rate`).toBeGreaterThanOrEqual(7);
				expect(br, `${t.code} ${year} birth rate`).toBeLessThanOrEqual(14);
				// the deaths keyed with an extra 0 (typos.ts) are the data's slip, not the county's deaths
				const dr = perMille(t, year, 'deaths', (r) => !slips.has(r));
				expect(dr, `${t.code} ${year} death rate`).toBeGreaterThanOrEqual(3.5);
				expect(dr, `${t.code} ${year} death rate`).toBeLessThanOrEqual(8.5);
			}
	});

	it('lets births fall from 2019 to 2024, as they did', () => {
		const births = (year: number) =>
			sum(
				rows.filter((r) => yearOf(r.month) === year),
				'births_total'
			);
		expect(births(2024)).toBeLessThan(births(2019) * 0.9);
	});

	it('changes population month to month by births − deaths ± a little migration', () => {
		const last = new Map<string, ReportRow>();
		for (const r of rows) {
			const prev = last.get(r.code);
			// a slip's deaths were keyed wrong on purpose (typos.ts): the population did not change so
			if (prev && prev.month === r.month - 1 && !slips.has(r)) {
				const migration = r.pop_total! - prev.pop_total! - (r.births_total! - r.deaths!);
				expect(Math.abs(migration), r.code).toBeLessThanOrEqual(
					Math.max(8, prev.pop_total! * 0.01)
				);
			}
			last.set(r.code, r);
		}
	});

	it('keeps sex ratio at birth 103–112 over the years, but ≈118 in the designated township', () => {
		const ratio = (t: Township) => rate(rowsOf(t), 'births_male', 'births_female');
		for (const t of ordinary('sex_ratio_high')) {
			expect(ratio(t), t.code).toBeGreaterThanOrEqual(103);
			expect(ratio(t), t.code).toBeLessThanOrEqual(112);
		}
		expect(ratio(withRole('sex_ratio_high'))).toBeGreaterThanOrEqual(112);
		expect(ratio(withRole('sex_ratio_high'))).toBeLessThanOrEqual(125);
	});

	it('mixes parities about 45 / 48 / 7', () => {
		const share = (id: 'births_parity1' | 'births_parity2' | 'births_parity3p') =>
			sum(rows, id) / sum(rows, 'births_total');
		expect(share('births_parity1')).toBeGreaterThan(0.4);
		expect(share('births_parity1')).toBeLessThan(0.5);
		expect(share('births_parity2')).toBeGreaterThan(0.43);
		expect(share('births_parity2')).toBeLessThan(0.53);
		expect(share('births_parity3p')).toBeGreaterThan(0.05);
		expect(share('births_parity3p')).toBeLessThan(0.1);
	});

	it('keeps policy compliance within 78–98% except the veto township in its last year', () => {
		const veto = withRole('out_policy_3p');
		for (const t of model.townships)
			for (const year of model.years) {
				const c = rate(rowsOf(t, year), 'births_in_policy', 'births_total');
				if (t === veto && year === lastYear) expect(c).toBeLessThan(78);
				else {
					expect(c, `${t.code} ${year}`).toBeGreaterThanOrEqual(78);
					expect(c, `${t.code} ${year}`).toBeLessThanOrEqual(98);
				}
			}
	});

	it('has married women 20–25% of the population and contraceptive prevalence 85–93%', () => {
		for (const t of model.townships)
			for (const year of model.years) {
				const end = monthIndex(year, 12);
				const women = stockAt(t, end, 'women_married_15_49');
				const users = stockAt(t, end, 'contraception_users');
				expect(women / pop(t, end), `${t.code} ${year}`).toBeGreaterThanOrEqual(0.2);
				expect(women / pop(t, end), `${t.code} ${year}`).toBeLessThanOrEqual(0.25);
				expect(users / women, `${t.code} ${year}`).toBeGreaterThanOrEqual(0.85);
				expect(users / women, `${t.code} ${year}`).toBeLessThanOrEqual(0.93);
			}
	});

	it('checks IUD/pregnancy in even months only, 85–98% done, except the faked year', () => {
		expect(rows.filter((r) => monthOf(r.month) % 2 === 1).every((r) => r.checkups_due === 0)).toBe(
			true
		);
		const faked = withRole('fake_checks');
		for (const t of model.townships)
			for (const year of model.years) {
				const c = rate(rowsOf(t, year), 'checkups_done', 'checkups_due');
				if (t === faked && year === 2023) expect(c).toBeGreaterThan(98.5);
				else {
					expect(c, `${t.code} ${year}`).toBeGreaterThanOrEqual(85);
					expect(c, `${t.code} ${year}`).toBeLessThanOrEqual(98);
				}
			}
	});

	it('collects 40–95% of the fee in general and 45–53% in the designated township', () => {
		const collection = (t: Township) => rate(rowsOf(t), 'fee_collected', 'fee_assessed');
		for (const t of ordinary('fee_low')) {
			expect(collection(t), t.code).toBeGreaterThanOrEqual(40);
			expect(collection(t), t.code).toBeLessThanOrEqual(95);
		}
		expect(collection(withRole('fee_low'))).toBeGreaterThanOrEqual(45);
		expect(collection(withRole('fee_low'))).toBeLessThanOrEqual(53);
		const assessedRows = rows.filter((r) => r.fee_assessed! > 0);
		// Sporadic: most village-months assess nothing.
		expect(assessedRows.length / rows.length).toBeLessThan(0.12);
		expect(Math.min(...assessedRows.map((r) => r.fee_assessed!))).toBeGreaterThanOrEqual(5000);
		expect(assessedRows.some((r) => !Number.isInteger(r.fee_assessed))).toBe(true);
	});

	const floatingRates: [string, number, number, MeasureId, MeasureId][] = [
		['floating-population checks', 85, 99, 'floating_checks_done', 'floating_checks_due'],
		['outflow feedback', 85, 98, 'floating_info_feedback', 'floating_info_sent']
	];
	it.each(floatingRates)('has %s within %d–%d percent per township', (_case, lo, hi, num, den) => {
		for (const t of ordinary('no_floating_info')) {
			expect(rate(rowsOf(t), num, den), t.code).toBeGreaterThanOrEqual(lo);
			expect(rate(rowsOf(t), num, den), t.code).toBeLessThanOrEqual(hi);
		}
	});

	it('reports small monthly counts of operations and pre-pregnancy checks', () => {
		for (const id of [
			'iud_insertions',
			'sterilizations',
			'abortions',
			'prepreg_checks_done'
		] as const) {
			expect(sum(rows, id), id).toBeGreaterThan(0);
			expect(Math.max(...rows.map((r) => r[id]!)), id).toBeLessThan(15);
		}
	});
});
