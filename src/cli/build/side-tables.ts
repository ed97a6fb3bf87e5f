import type { Catalog } from '../../lib/config/catalog-schema';
import { dayText, parseDay } from '../../lib/periods';
import type { UnitInfo } from './report-row';
import { readSmallCsv } from './small-csv';
import { parseCount } from './values';

export interface TaskRow {
	code: string;
	year: number;
	measure: string;
	task: number;
}

export interface IncidentRow {
	code: string;
	townshipCode: string | null;
	date: number;
	type: string;
	count: number;
	note: string;
}

/** tasks.csv: the year's task (任务数) per unit and (derived) measure. */
export function readTasks(bytes: Uint8Array, file: string, catalog: Catalog, units: Map<string, UnitInfo>) {
	const columns = [
		{ id: 'code', aliases: ['单位代码', '代码'], required: true },
		{ id: 'year', aliases: ['年度', '年份'], required: true },
		{ id: 'measure', aliases: ['指标', '项目'], required: true },
		{ id: 'task', aliases: ['任务数', '任务'], required: true }
	];
	const { rows, issues } = readSmallCsv(bytes, file, columns, 'task_invalid');
	const measures = new Map<string, string>();
	for (const m of [...catalog.measures, ...catalog.derived]) {
		measures.set(m.id, m.id);
		measures.set(m.name.zh, m.id);
	}
	const err = (line: number, column: string, detail: string) =>
		issues.push({ severity: 'error', file, line, column, rule: 'task_invalid', detail });
	const tasks: TaskRow[] = [];
	const seen = new Map<string, number>();
	for (const r of rows) {
		const code = r.get('code');
		const measure = measures.get(r.get('measure'));
		const year = Number(r.get('year'));
		const task = parseCount(r.get('task'));
		const before = issues.length;
		if (!units.has(code)) err(r.line, 'code', `"${code}" is not in units.csv`);
		if (!/^\d{4}$/.test(r.get('year'))) err(r.line, 'year', `"${r.get('year')}" is not a year`);
		if (!measure) err(r.line, 'measure', `"${r.get('measure')}" is not a measure of the catalog`);
		if (typeof task !== 'number') err(r.line, 'task', `"${r.get('task')}" is not a non-negative integer`);
		const key = `${code}|${year}|${measure}`;
		if (issues.length === before && seen.has(key)) err(r.line, 'code', `same unit, year and measure as line ${seen.get(key)}`);
		if (issues.length > before) continue;
		seen.set(key, r.line);
		tasks.push({ code, year, measure: measure!, task: task as number });
	}
	return { tasks, issues };
}

/** incidents.csv: inspection findings, the triggers of the one-vote veto; none after `today`. */
export function readIncidents(bytes: Uint8Array, file: string, catalog: Catalog, units: Map<string, UnitInfo>, today: number) {
	const columns = [
		{ id: 'code', aliases: ['单位代码', '代码'], required: true },
		{ id: 'date', aliases: ['日期', '发现日期'], required: true },
		{ id: 'type', aliases: ['类型', '问题类型'], required: true },
		{ id: 'count', aliases: ['数量', '起数', '例数'], required: false },
		{ id: 'note', aliases: ['备注', '说明'], required: false }
	];
	const { rows, issues } = readSmallCsv(bytes, file, columns, 'incident_invalid');
	const types = new Set(catalog.incident_types.map((t) => t.id));
	const err = (line: number, column: string, detail: string) =>
		issues.push({ severity: 'error', file, line, column, rule: 'incident_invalid', detail });
	const incidents: IncidentRow[] = [];
	for (const r of rows) {
		const unit = units.get(r.get('code'));
		const date = parseDay(r.get('date'));
		const count = r.get('count') === '' ? 1 : parseCount(r.get('count'));
		const before = issues.length;
		if (!unit) err(r.line, 'code', `"${r.get('code')}" is not in units.csv`);
		if (date === null) err(r.line, 'date', `"${r.get('date')}" is not a date`);
		else if (date > today) err(r.line, 'date', `${dayText(date)} > ${dayText(today)} (in the future)`);
		if (!types.has(r.get('type'))) err(r.line, 'type', `"${r.get('type')}" is not one of ${[...types].join('、')}`);
		if (typeof count !== 'number' || count < 1) err(r.line, 'count', `"${r.get('count')}" is not a positive integer`);
		if (issues.length > before) continue;
		incidents.push({ code: unit!.code, townshipCode: unit!.townshipCode, date: date!, type: r.get('type'), count: count as number, note: r.get('note') });
	}
	return { incidents, issues };
}
