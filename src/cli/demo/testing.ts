import { monthIndex } from '../../lib/periods';
import { buildModel, DEMO_DEFAULTS, type Role, type Township } from './model';
import { townshipYears, type MeasureId, type ReportRow, type TownshipYear } from './reports';
import { plantedTypo } from './typos';

/**
 * Test support, not used by the command: the default county generated in memory, with the
 * sums the assessment will make of it, so that tests state magnitudes the way DOMAIN.md does.
 */
export const model = buildModel(DEMO_DEFAULTS);
export const all: TownshipYear[] = model.townships.flatMap((t) => [...townshipYears(model, t)]);
export const rows = all.flatMap((ty) => ty.rows);
export const lastYear = 2024;

export const sum = (rs: ReportRow[], id: MeasureId) => rs.reduce((s, r) => s + (r[id] ?? 0), 0);
export const withRole = (role: Role) => model.townships.find((t) => t.roles.includes(role))!;
const byTownship = new Map(model.townships.map((t) => [t, all.filter((ty) => ty.township === t)]));
export const rowsOf = (t: Township, year?: number) =>
	byTownship
		.get(t)!
		.filter((ty) => year === undefined || ty.year === year)
		.flatMap((ty) => ty.rows);

/** Month-end stock of a township: each village's latest report up to month m, as the builder carries it. */
export function stockAt(
	t: Township,
	m: number,
	id: 'pop_total' | 'women_married_15_49' | 'contraception_users'
) {
	const latest = new Map<string, number>(
		t.villages.map((v) => [v.code, id === 'pop_total' ? v.pop0 : 0])
	);
	for (const r of rowsOf(t)) if (r.month <= m) latest.set(r.code, r[id]!);
	return [...latest.values()].reduce((s, x) => s + x, 0);
}

const popAt = new Map<string, number>();
export function pop(t: Township, m: number) {
	const key = `${t.code}:${m}`;
	if (!popAt.has(key)) popAt.set(key, stockAt(t, m, 'pop_total'));
	return popAt.get(key)!;
}

/** Per mille of the mean population (start = previous December's stock), for a whole year. */
export const perMille = (
	t: Township,
	year: number,
	id: 'births_total' | 'deaths',
	keep: (r: ReportRow) => boolean = () => true
) =>
	(sum(rowsOf(t, year).filter(keep), id) /
		((pop(t, monthIndex(year - 1, 12)) + pop(t, monthIndex(year, 12))) / 2)) *
	1000;

export const rate = (rs: ReportRow[], num: MeasureId, den: MeasureId) =>
	(sum(rs, num) / sum(rs, den)) * 100;

/**
 * The village-months whose deaths were keyed with an extra 0 on purpose (typos.ts), found from
 * the plan rather than the data: tests of the model's true magnitudes leave these out.
 */
export const slips = new Set(
	all.flatMap((ty) => {
		const typo = ty.year === lastYear ? plantedTypo(ty.township, ty.months) : null;
		if (!typo) return [];
		const village = ty.township.villages[typo.village];
		return ty.rows.filter((r) => r.code === village.code && r.month === typo.month);
	})
);
