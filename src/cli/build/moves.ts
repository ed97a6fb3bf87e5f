import { parseReportMonth } from '../../lib/periods';
import type { Issue } from './issues';
import type { UnitInfo } from './report-row';
import { readSmallCsv } from './small-csv';

/**
 * moves.csv: a village that changed township. units.csv names where each village belongs now;
 * a row `code,month,old_parent_code` says that before `month` the village belonged to
 * `old_parent_code`. The build assigns every village-month to the township of that month, so
 * editing units.csv this year never moves last year's totals and ranks.
 */
export interface MoveRange {
	code: string;
	/** First and last month (MonthIndex) the village belonged to `township`. */
	from: number;
	to: number;
	township: string;
}

export function readMoves(bytes: Uint8Array, file: string, units: Map<string, UnitInfo>) {
	const columns = [
		{ id: 'code', aliases: ['单位代码', '代码'], required: true },
		{ id: 'month', aliases: ['调整月份', '月份'], required: true },
		{ id: 'old_parent_code', aliases: ['原上级代码', '原乡镇代码'], required: true }
	];
	const { rows, issues } = readSmallCsv(bytes, file, columns, 'moves_invalid');
	const err = (line: number, column: string, detail: string) =>
		issues.push({ severity: 'error', file, line, column, rule: 'moves_invalid', detail });
	const byCode = new Map<string, { month: number; township: string; line: number }[]>();
	for (const r of rows) {
		const unit = units.get(r.get('code'));
		const month = parseReportMonth(r.get('month'));
		const old = units.get(r.get('old_parent_code'));
		const before = issues.length;
		if (!unit || unit.level !== 'village') err(r.line, 'code', `"${r.get('code')}" is not a village of units.csv`);
		if (month === null) err(r.line, 'month', `"${r.get('month')}" is not a month (2024-03)`);
		if (!old || old.level !== 'township') err(r.line, 'old_parent_code', `"${r.get('old_parent_code')}" is not a township of units.csv`);
		if (issues.length > before) continue;
		const list = byCode.get(unit!.code) ?? [];
		if (list.some((m) => m.month === month)) err(r.line, 'month', `a second move of ${unit!.code} in the same month`);
		else list.push({ month: month!, township: old!.code, line: r.line });
		byCode.set(unit!.code, list);
	}
	const ranges: MoveRange[] = [];
	for (const [code, list] of byCode) {
		list.sort((a, b) => a.month - b.month);
		let from = -1;
		for (const m of list) {
			ranges.push({ code, from, to: m.month - 1, township: m.township });
			from = m.month;
		}
	}
	return { ranges, issues: issues as Issue[] };
}
