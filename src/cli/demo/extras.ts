import { dayNumber, dayText, monthIndex } from '../../lib/periods';
import { designYear, hasRole, type DemoModel, type Role, type Township } from './model';
import { Rng } from './random';
import type { TownshipYear } from './reports';

export interface TaskRow {
	code: string;
	year: number;
	measure: 'prepreg_checks_done' | 'four_ops';
	task: number;
}

export interface IncidentRow {
	code: string;
	/** YYYY-MM-DD */
	date: string;
	type: string;
	count: number;
	note: string;
}

/**
 * The county hands each township a task for the whole year. Working backwards from what the
 * township then did (scaled to twelve months when the range cuts the year) gives each one its
 * designed completion rate: mostly 60–110%, the lagging one about 39% as in seed 001.
 */
export function tasksOf(ty: TownshipYear): TaskRow[] {
	const params = ty.township.years.find((p) => p.year === ty.year);
	if (!params || ty.months.length === 0) return [];
	let prepreg = 0;
	let fourOps = 0;
	for (const r of ty.rows) {
		prepreg += r.prepreg_checks_done ?? 0;
		fourOps += (r.iud_insertions ?? 0) + (r.sterilizations ?? 0) + (r.abortions ?? 0);
	}
	const task = (done: number, completion: number) =>
		Math.max(1, Math.round((done * 12) / ty.months.length / completion));
	const code = ty.township.code;
	return [
		{ code, year: ty.year, measure: 'four_ops', task: task(fourOps, params.fourOpsCompletion) },
		{
			code,
			year: ty.year,
			measure: 'prepreg_checks_done',
			task: task(prepreg, params.prepregCompletion)
		}
	];
}

interface IncidentDesign {
	role: Role;
	type: string;
	year: number;
	count: number;
	note: (village: string) => string;
}

/**
 * Inspection findings, one of each per county: faked IUD/pregnancy checks (a red-card trigger)
 * in 2023, and a 两非 case (illegal sex determination) in 2022 in the township whose sex ratio
 * at birth runs high. Dates fall inside the requested months.
 */
export function incidentsOf(model: DemoModel): IncidentRow[] {
	const designs: IncidentDesign[] = [
		{
			role: 'fake_checks',
			type: '虚假环孕检',
			year: designYear(model, 2023),
			count: 1,
			note: (v) => `县计生局抽查发现${v}环孕情检查记录与实际不符，虚报已检人数`
		},
		{
			role: 'sex_ratio_high',
			type: '两非案件',
			year: designYear(model, 2022),
			count: 2,
			note: (v) => `查处${v}非医学需要的胎儿性别鉴定案件`
		}
	];
	const rows: IncidentRow[] = [];
	for (const county of model.counties) {
		const rng = new Rng(model.options.seed, 'incidents', county.code);
		for (const d of designs) {
			const t = county.townships.find((x) => hasRole(x, d.role));
			if (t) rows.push(incident(rng, model, t, d));
		}
	}
	return rows.sort((a, b) =>
		a.date < b.date ? -1 : a.date > b.date ? 1 : a.code < b.code ? -1 : 1
	);
}

function incident(rng: Rng, model: DemoModel, t: Township, d: IncidentDesign): IncidentRow {
	const { from, to } = model.options;
	const first = Math.max(from, monthIndex(d.year, 1));
	const last = Math.min(to, monthIndex(d.year, 12));
	const month = rng.int(first, last);
	const village = rng.pick(t.villages);
	const date = dayNumber(d.year, (month % 12) + 1, rng.int(1, 28));
	return {
		code: village.code,
		date: dayText(date),
		type: d.type,
		count: d.count,
		note: d.note(village.name)
	};
}
