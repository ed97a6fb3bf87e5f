import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { writeXlsx } from '../io/xlsx-write';
import type { IncidentRow, TaskRow } from './extras';
import type { Cell, Layout } from './layouts';
import type { DemoModel } from './model';
import type { ReportRow } from './reports';

export const DEMO_FILES = ['units.csv', 'tasks.csv', 'incidents.csv'];
export const REPORTS_DIR = 'reports';

/** Quotes a CSV field only when it must (comma, quote, CR or LF), as Excel does. */
export function csvField(v: Cell): string {
	if (v === null) return '';
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLines = (rows: Cell[][], eol: string) =>
	rows.map((r) => r.map(csvField).join(',') + eol).join('');

/** The bytes of one township-year report file in the township's own format. */
export function encodeReport(layout: Layout, rows: ReportRow[]): Uint8Array {
	const table: Cell[][] = [layout.columns.map((c) => c.header)];
	for (const r of rows) table.push(layout.columns.map((c) => c.cell(r)));
	if (layout.format === 'xlsx') return writeXlsx([{ name: '月报表', rows: table }]);
	// Excel on Chinese Windows saves "CSV" as GBK with CRLF; newer systems export UTF-8 with a BOM.
	if (layout.format === 'utf8-ids') return Buffer.from('\ufeff' + csvLines(table, '\n'), 'utf8');
	return iconv.encode(csvLines(table, '\r\n'), 'gbk');
}

export function reportPath(year: number, code: string, name: string, ext: string): string {
	return join(REPORTS_DIR, String(year), `${code}_${name}.${ext}`);
}

export function unitsCsv(model: DemoModel): string {
	const rows: Cell[][] = [];
	for (const county of model.counties) {
		rows.push([county.code, county.name, 'county', null, '县']);
		for (const t of county.townships) {
			rows.push([t.code, t.name, 'township', county.code, t.kind]);
			for (const v of t.villages) rows.push([v.code, v.name, 'village', t.code, v.kind]);
		}
	}
	rows.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
	return csvLines([['code', 'name', 'level', 'parent_code', 'kind'], ...rows], '\n');
}

export function tasksCsv(tasks: TaskRow[]): string {
	const sorted = [...tasks].sort(
		(a, b) => cmp(a.code, b.code) || a.year - b.year || cmp(a.measure, b.measure)
	);
	return csvLines(
		[
			['code', 'year', 'measure', 'task'],
			...sorted.map((t) => [t.code, t.year, t.measure, t.task])
		],
		'\n'
	);
}

export function incidentsCsv(incidents: IncidentRow[]): string {
	return csvLines(
		[
			['code', 'date', 'type', 'count', 'note'],
			...incidents.map((i) => [i.code, i.date, i.type, i.count, i.note])
		],
		'\n'
	);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Makes `dir` ready for a fresh demo: created when missing; when it holds a previous demo's
 * output (and nothing else) that output is removed, so stale townships or years cannot linger.
 * Anything else in it is someone's data: refuse rather than mix or delete.
 */
export function prepareOutDir(dir: string): void {
	if (!existsSync(dir)) {
		mkdirSync(dir, { recursive: true });
		return;
	}
	if (!statSync(dir).isDirectory()) throw new Error(`--out ${dir} exists and is not a directory`);
	const foreign: string[] = [];
	for (const entry of readdirSync(dir).sort()) {
		const path = join(dir, entry);
		if (DEMO_FILES.includes(entry) && statSync(path).isFile()) continue;
		if (entry === REPORTS_DIR && statSync(path).isDirectory()) {
			foreign.push(...foreignInReports(path));
			continue;
		}
		foreign.push(entry);
	}
	if (foreign.length) {
		const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ', …' : '');
		throw new Error(
			`--out ${dir} is not empty and does not look like demo output (it contains ${shown}); ` +
				'choose an empty or new directory'
		);
	}
	for (const entry of [...DEMO_FILES, REPORTS_DIR])
		rmSync(join(dir, entry), { recursive: true, force: true });
}

/** A demo's reports/ holds only year folders of .csv and .xlsx files. */
function foreignInReports(reports: string): string[] {
	const foreign: string[] = [];
	for (const year of readdirSync(reports).sort()) {
		const path = join(reports, year);
		if (!/^\d{4}$/.test(year) || !statSync(path).isDirectory()) {
			foreign.push(`${REPORTS_DIR}/${year}`);
			continue;
		}
		for (const file of readdirSync(path).sort())
			if (!/\.(csv|xlsx)$/.test(file) || !statSync(join(path, file)).isFile())
				foreign.push(`${REPORTS_DIR}/${year}/${file}`);
	}
	return foreign;
}
