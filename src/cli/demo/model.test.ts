import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../lib/periods';
import { buildModel, DEMO_DEFAULTS, type DemoOptions, type Role } from './model';

const small: DemoOptions = {
	seed: 1,
	townships: 3,
	villages: 30,
	from: monthIndex(2023, 1),
	to: monthIndex(2024, 12)
};
const ROLES: Role[] = [
	'sex_ratio_high',
	'out_policy_3p',
	'fake_checks',
	'no_floating_info',
	'fee_low',
	'village_name_column',
	'unreported_births',
	'prepreg_lag',
	'tiny_village'
];

describe('the default county', () => {
	const model = buildModel(DEMO_DEFAULTS);
	const county = model.counties[0];
	const villages = model.townships.flatMap((t) => t.villages);

	it('has one county 990101 with 19 townships and 300 villages', () => {
		expect(model.counties.map((c) => c.code)).toEqual(['990101']);
		expect(county.name).toMatch(/县$/);
		expect(county.townships).toHaveLength(19);
		expect(villages).toHaveLength(300);
	});

	it('spreads villages unevenly, 8–30 per township', () => {
		const counts = model.townships.map((t) => t.villages.length);
		expect(Math.min(...counts)).toBeGreaterThanOrEqual(8);
		expect(Math.max(...counts)).toBeLessThanOrEqual(30);
		expect(new Set(counts).size).toBeGreaterThan(5);
	});

	it('is mostly 镇, with a few 乡 and 2–3 街道 listed first', () => {
		const kinds = model.townships.map((t) => t.kind);
		const streets = kinds.filter((k) => k === '街道').length;
		expect(streets).toBeGreaterThanOrEqual(2);
		expect(streets).toBeLessThanOrEqual(3);
		expect(kinds.slice(0, streets).every((k) => k === '街道')).toBe(true);
		expect(kinds.filter((k) => k === '乡').length).toBeGreaterThanOrEqual(3);
		expect(kinds.filter((k) => k === '镇').length).toBeGreaterThan(kinds.length / 2);
	});

	it('uses the 12-digit code shape with province prefix 99', () => {
		model.townships.forEach((t, i) =>
			expect(t.code).toBe(`990101${String(i + 1).padStart(3, '0')}`)
		);
		for (const v of villages) expect(v.code).toMatch(new RegExp(`^${v.townshipCode}\\d{3}$`));
	});

	it('numbers neighbourhoods 001–099 and 村委会 from 201, as real codes do', () => {
		for (const t of model.townships)
			for (const v of t.villages) {
				const local = +v.code.slice(9);
				if (v.kind === '村委会') expect(local).toBeGreaterThanOrEqual(201);
				else expect(local).toBeLessThanOrEqual(99);
				if (t.kind === '街道') expect(v.kind).not.toBe('村委会');
			}
	});

	it('keeps names unique within their parent', () => {
		expect(new Set(model.townships.map((t) => t.name)).size).toBe(19);
		for (const t of model.townships)
			expect(new Set(t.villages.map((v) => v.name)).size).toBe(t.villages.length);
	});

	it('gives each designed role to exactly one township', () => {
		for (const role of ROLES)
			expect(
				model.townships.filter((t) => t.roles.includes(role)),
				role
			).toHaveLength(1);
	});

	it('sends about half the files as XLSX and one or two as UTF-8 with English ids', () => {
		const formats = model.townships.map((t) => t.format);
		const count = (f: string) => formats.filter((x) => x === f).length;
		expect(count('xlsx')).toBeGreaterThanOrEqual(8);
		expect(count('xlsx')).toBeLessThanOrEqual(11);
		expect(count('utf8-ids')).toBe(2);
		expect(count('gbk-names')).toBeGreaterThan(0);
		expect(count('gbk-aliases')).toBeGreaterThan(0);
	});

	it('has lagging villages and tiny villages', () => {
		expect(villages.filter((v) => v.lagging).length).toBeGreaterThan(5);
		const tiny = villages.filter((v) => v.tiny);
		expect(tiny.length).toBeGreaterThan(0);
		for (const v of tiny) expect(v.pop0).toBeGreaterThanOrEqual(150);
		for (const v of tiny) expect(v.pop0).toBeLessThanOrEqual(400);
	});

	it('moves work quality year by year', () => {
		for (const t of model.townships)
			expect(t.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
		const changes = model.townships.map((t) => Math.abs(t.years[5].quality - t.years[0].quality));
		expect(Math.max(...changes)).toBeGreaterThan(1);
	});
});

describe('other sizes', () => {
	it('builds ceil(T/19) counties for a province, ~19 townships each', () => {
		const model = buildModel({ ...small, townships: 40, villages: 700 });
		expect(model.counties.map((c) => c.code)).toEqual(['990101', '990102', '990103']);
		expect(model.counties.map((c) => c.townships.length)).toEqual([14, 13, 13]);
		expect(model.townships.reduce((s, t) => s + t.villages.length, 0)).toBe(700);
		for (const c of model.counties)
			for (const role of ROLES)
				expect(
					c.townships.filter((t) => t.roles.includes(role)),
					role
				).toHaveLength(1);
	});

	it('numbers counties past 20 into the next prefecture', () => {
		const model = buildModel({ ...small, townships: 21 * 19, villages: 21 * 19 });
		expect(model.counties[19].code).toBe('990120');
		expect(model.counties[20].code).toBe('990201');
	});

	it('gives a three-township county one XLSX, one GBK and one UTF-8 township', () => {
		const model = buildModel(small);
		expect(model.townships.map((t) => t.format).sort()).toEqual([
			'gbk-aliases',
			'utf8-ids',
			'xlsx'
		]);
		expect(model.years).toEqual([2023, 2024]);
	});

	it('gives every township at least one village when villages are scarce', () => {
		const model = buildModel({ ...small, townships: 19, villages: 19 });
		expect(model.townships.every((t) => t.villages.length === 1)).toBe(true);
	});

	it('depends on the seed', () => {
		const names = (seed: number) => buildModel({ ...small, seed }).townships.map((t) => t.name);
		expect(names(1)).toEqual(names(1));
		expect(names(1)).not.toEqual(names(2));
	});
});
