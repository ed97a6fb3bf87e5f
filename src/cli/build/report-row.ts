import type { Catalog } from '../../lib/config/catalog-schema';
import { dayText, monthStartDay, monthText, parseDay } from '../../lib/periods';
import { REPLACEMENT } from './decode';
import { parseMonthCell } from './month-cell';
import { plainDay, plainMonth } from './plain-cells';
import type { ColumnMap } from './header';
import { quoteValue, type Issue } from './issues';
import { INVALID, normalizeCode, parseCount, parseMoney, type Parsed } from './values';

export interface UnitInfo {
	code: string;
	name: string;
	level: 'county' | 'township' | 'village';
	parentCode: string | null;
	townshipCode: string | null;
	countyCode: string | null;
	/** Position in code order: a compact key for duplicate detection. */
	index: number;
}

export interface ValidRow {
	unit: UnitInfo;
	month: number;
	submitted: number | null;
	/** In catalog.measures order; null = not reported. */
	values: (number | null)[];
}

type CheckFn = (v: (number | null)[]) => string | null;

/** Compiles the catalog's consistency rules; each returns a detail string when broken. */
export function compileChecks(catalog: Catalog): { id: string; label: string; fn: CheckFn }[] {
	const at = new Map(catalog.measures.map((m, i) => [m.id, i]));
	const name = (id: string) => catalog.measures[at.get(id)!].name.zh;
	return catalog.checks.map((c) => {
		if (c.rule === 'sum_equals') {
			const parts = c.parts.map((p) => at.get(p)!);
			const total = at.get(c.total)!;
			// plain loops: a callback made per row and check costs more than the sum itself
			const fn: CheckFn = (v) => {
				if (v[total] === null) return null;
				let sum = 0;
				for (let k = 0; k < parts.length; k++) {
					const x = v[parts[k]];
					if (x === null) return null;
					sum += x;
				}
				return sum === v[total]
					? null
					: `${c.parts.map((p) => `${name(p)} ${v[at.get(p)!]}`).join(' + ')} = ${sum} ≠ ${name(c.total)} ${v[total]}`;
			};
			return { id: c.id, label: c.name.zh, fn };
		}
		const l = at.get(c.left)!;
		const r = at.get(c.right)!;
		const fn: CheckFn = (v) =>
			v[l] === null || v[r] === null || (v[l] as number) <= (v[r] as number)
				? null
				: `${name(c.left)} ${v[l]} > ${name(c.right)} ${v[r]}`;
		return { id: c.id, label: c.name.zh, fn };
	});
}

/** Validates one data row of a report file against units, formats and consistency rules. */
export class ReportRowValidator {
	private readonly checks;
	private readonly parsers: ((t: string | null) => Parsed)[];

	constructor(
		private readonly catalog: Catalog,
		private readonly units: Map<string, UnitInfo>,
		/** Submission dates after this day are impossible (the build's date). */
		private readonly today: number
	) {
		this.checks = compileChecks(catalog);
		this.parsers = catalog.measures.map((m) => (m.type === 'money' ? parseMoney : parseCount));
	}

	private columnsOf: ColumnMap | null = null;
	private columns: (number | undefined)[] = [];

	/** The file column of each measure (catalog order), kept while rows of one file come in. */
	private measureColumns(map: ColumnMap): (number | undefined)[] {
		if (map !== this.columnsOf) {
			this.columns = this.catalog.measures.map((m) => map.indexOf.get(m.id));
			this.columnsOf = map;
		}
		return this.columns;
	}

	validate(
		file: string,
		line: number,
		cells: (string | null)[],
		map: ColumnMap,
		/** The file has no U+FFFD at all (SourceTable.noReplacement): no cell is searched for one. */
		noReplacement = false
	): { row: ValidRow | null; issues: Issue[] } {
		const issues: Issue[] = [];
		const warnings: Issue[] = [];
		// plain loops, not forEach/slice/filter, and no closures made per row (the TypeScript
		// loader names each one on every call): this runs for each of a province's 3 million rows
		const width = map.fields.length;
		let extra = 0;
		for (let i = noReplacement ? width : 0; i < cells.length; i++) {
			const c = cells[i];
			if (c === null || c === undefined) continue;
			if (i < width) {
				if (c.includes(REPLACEMENT)) issues.push(errorAt(file, line, map, i, 'encoding', quoteValue(c)));
			} else if (c.trim() !== '') extra++;
		}
		if (extra || (map.strictWidth && cells.length < width))
			issues.push(errorAt(file, line, map, null, 'row_width', `${cells.length} ≠ ${width}`));

		const codeCol = map.indexOf.get('code')!;
		const code = normalizeCode(cellOf(cells, map, 'code'));
		const unit = this.units.get(code);
		if (!unit) issues.push(errorAt(file, line, map, codeCol, 'unit_unknown', quoteValue(code)));
		else if (unit.level !== 'village') issues.push(errorAt(file, line, map, codeCol, 'unit_not_village', `${code} ${unit.name} (${unit.level})`));
		const nameCol = map.indexOf.get('unit_name');
		const name = normalizeCode(cellOf(cells, map, 'unit_name'));
		if (unit && nameCol !== undefined && name && name !== unit.name)
			warnings.push({ severity: 'warning', file, line, column: map.labels[nameCol], rule: 'name_mismatch', detail: `${quoteValue(name)} ≠ ${code} ${unit.name}` });

		const periodCol = map.indexOf.get('period')!;
		const periodText = (cellOf(cells, map, 'period') ?? '').trim();
		const month = plainMonth(periodText) ?? parseMonthCell(periodText);
		if (month === null) issues.push(errorAt(file, line, map, periodCol, 'period_invalid', quoteValue(periodText)));
		// a month that has not begun cannot have been reported: a typo (2028 for 2024) would
		// otherwise stretch the data set with years of invented "due, not received" months
		else if (monthStartDay(month) > this.today)
			issues.push(errorAt(file, line, map, periodCol, 'period_future', `${monthText(month)} > ${dayText(this.today)}`));

		let submitted: number | null = null;
		const subCol = map.indexOf.get('submitted_on');
		const subText = (cellOf(cells, map, 'submitted_on') ?? '').trim();
		if (subCol !== undefined && subText !== '') {
			submitted = plainDay(subText) ?? parseDay(subText);
			if (submitted === null) issues.push(errorAt(file, line, map, subCol, 'submitted_invalid', quoteValue(subText)));
			else if (month !== null && submitted < monthStartDay(month))
				issues.push(errorAt(file, line, map, subCol, 'submitted_invalid', `${dayText(submitted)} < ${monthText(month)}`));
			else if (submitted > this.today)
				issues.push(errorAt(file, line, map, subCol, 'submitted_invalid', `${dayText(submitted)} > ${dayText(this.today)}`));
		} else
			warnings.push({ severity: 'warning', file, line, column: subCol === undefined ? null : map.labels[subCol], rule: 'submitted_missing' });

		const measures = this.catalog.measures;
		const columns = this.measureColumns(map);
		const values: (number | null)[] = new Array(measures.length);
		for (let k = 0; k < measures.length; k++) {
			const col = columns[k];
			const text = col === undefined ? null : (cells[col] ?? null);
			const v = this.parsers[k](text);
			if (v === INVALID) {
				issues.push(errorAt(file, line, map, col!, measures[k].type === 'money' ? 'money_invalid' : 'count_invalid', quoteValue(text ?? '')));
				values[k] = null;
			} else values[k] = v;
		}
		if (issues.length === 0)
			for (const c of this.checks) {
				const broken = c.fn(values);
				if (broken) issues.push(errorAt(file, line, map, null, 'check_failed', `${c.label}: ${broken} (${c.id})`));
			}
		if (issues.length) return { row: null, issues: [...issues, ...warnings] };
		return { row: { unit: unit!, month: month!, submitted, values }, issues: warnings };
	}
}

function errorAt(file: string, line: number, map: ColumnMap, col: number | null, rule: Issue['rule'], detail?: string): Issue {
	return { severity: 'error', file, line, column: col === null ? null : map.labels[col], rule, detail };
}

function cellOf(cells: (string | null)[], map: ColumnMap, id: string): string | null {
	const i = map.indexOf.get(id);
	return i === undefined ? null : (cells[i] ?? null);
}
