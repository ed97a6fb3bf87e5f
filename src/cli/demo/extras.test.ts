import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config-files';
import { monthIndex, parseDay } from '../../lib/periods';
import { incidentsOf, tasksOf, type TaskRow } from './extras';
import { buildModel, DEMO_DEFAULTS, type DemoOptions } from './model';
import { townshipYears, type TownshipYear } from './reports';

const model = buildModel(DEMO_DEFAULTS);
const years: TownshipYear[] = model.townships.flatMap((t) => [...townshipYears(model, t)]);
const tasks = years.flatMap(tasksOf);

/** Completion of the year's task at year end, as the assessment computes it. */
function completion(task: TaskRow): number {
	const ty = years.find((y) => y.township.code === task.code && y.year === task.year)!;
	const done = ty.rows.reduce(
		(s, r) =>
			s +
			(task.measure === 'four_ops'
				? r.iud_insertions! + r.sterilizations! + r.abortions!
				: r.prepreg_checks_done!),
		0
	);
	return (done / task.task) * 100;
}

describe('annual tasks', () => {
	it('gives every township a task for each measure in every year', () => {
		expect(tasks).toHaveLength(19 * 6 * 2);
		for (const t of model.townships)
			for (const year of model.years)
				for (const measure of ['prepreg_checks_done', 'four_ops'])
					expect(
						tasks.filter((x) => x.code === t.code && x.year === year && x.measure === measure)
					).toHaveLength(1);
		expect(tasks.every((t) => Number.isInteger(t.task) && t.task >= 1)).toBe(true);
	});

	it('is mostly completed 60–110%', () => {
		const lagging = model.townships.find((t) => t.roles.includes('prepreg_lag'))!;
		const ordinary = tasks.filter(
			(t) => !(t.code === lagging.code && t.measure === 'prepreg_checks_done')
		);
		const inBand = ordinary.filter((t) => completion(t) >= 60 && completion(t) <= 110);
		expect(inBand.length / ordinary.length).toBeGreaterThan(0.95);
	});

	it('lags like seed 001 (142 / 357 = 39%) in one township, every year', () => {
		const lagging = model.townships.find((t) => t.roles.includes('prepreg_lag'))!;
		const own = tasks.filter((t) => t.code === lagging.code && t.measure === 'prepreg_checks_done');
		expect(own).toHaveLength(6);
		for (const t of own) {
			expect(completion(t), String(t.year)).toBeGreaterThan(33);
			expect(completion(t), String(t.year)).toBeLessThan(45);
		}
	});

	it('scales a year cut by the range to a whole year', () => {
		const options: DemoOptions = {
			...DEMO_DEFAULTS,
			townships: 3,
			villages: 30,
			from: monthIndex(2024, 7)
		};
		const half = buildModel(options);
		const ty = [...townshipYears(half, half.townships[0])][0];
		const prepreg = ty.rows.reduce((s, r) => s + r.prepreg_checks_done!, 0);
		const task = tasksOf(ty).find((t) => t.measure === 'prepreg_checks_done')!;
		expect(task.task).toBeGreaterThan(prepreg * 1.5);
	});
});

describe('incidents', () => {
	const { catalog } = defaultConfig();
	const incidents = incidentsOf(model);
	const villages = new Map(model.townships.flatMap((t) => t.villages.map((v) => [v.code, t])));

	it('has faked checks in 2023 and a 两非 case in 2022, in the designed townships', () => {
		const expected = [
			['两非案件', '2022', 'sex_ratio_high'],
			['虚假环孕检', '2023', 'fake_checks']
		];
		expect(
			incidents.map((i) => [i.type, i.date.slice(0, 4), villages.get(i.code)!.roles[0]])
		).toEqual(expected);
	});

	it('uses catalog incident types, real dates, counts ≥ 1 and a Chinese note', () => {
		const types = new Set(catalog.incident_types.map((t) => t.id));
		for (const i of incidents) {
			expect(types.has(i.type)).toBe(true);
			expect(parseDay(i.date)).not.toBeNull();
			expect(i.count).toBeGreaterThanOrEqual(1);
			expect(i.note).toMatch(/[\u4e00-\u9fff]/);
		}
	});

	it('moves a designed year into the range when the range leaves it out', () => {
		const late = buildModel({
			...DEMO_DEFAULTS,
			townships: 3,
			villages: 30,
			from: monthIndex(2024, 3),
			to: monthIndex(2024, 5)
		});
		for (const i of incidentsOf(late))
			expect(i.date >= '2024-03-01' && i.date <= '2024-05-31', i.date).toBe(true);
	});

	it('repeats one set per county in a province', () => {
		const province = buildModel({ ...DEMO_DEFAULTS, townships: 40, villages: 400 });
		expect(incidentsOf(province)).toHaveLength(6);
	});
});
