import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../cli/io/xlsx-read';
import { defaultConfig } from '../../cli/config-files';
import { rowsOf, type Connector } from '../connector/types';
import type { Manifest } from '../extract/schema';
import { monthIndex } from '../periods';
import { COUNTY, openFixture, T1, T2 } from '../query/fixture';
import type { PivotRow } from '../query/pivot';
import { defaultExploreState, exploreQuery, type ExploreState } from './explore';
import { pivotChart } from './explore-chart';
import { exportNumber, exportTitle, pivotExport } from './explore-export';
import { tableCsv } from './table-export';
import { tableXlsx } from './table-xlsx';
import { buildPivotTable, type PivotTable } from './explore-table';
import { parseExplore, serializeExplore } from './explore-url';

const config = defaultConfig();
const manifest = {
	counties: [{ code: COUNTY, name: '示范县' }],
	periods: { from: '2023-04', to: '2024-06', latest: '2024-06' },
	built_at: '2024-07-15T08:00:00Z'
} as Manifest;
const names = [
	{ code: COUNTY, name: '示范县' },
	{ code: T1, name: '城关镇' },
	{ code: T2, name: '河西乡' }
];
let db: Connector;
beforeAll(async () => {
	db = await openFixture(config.catalog);
});
afterAll(() => db.close());

const state = (patch: Partial<ExploreState> = {}): ExploreState => ({
	...defaultExploreState(config, manifest),
	fields: ['policy_compliance_rate', 'm.pop_total'],
	counts: true,
	from: monthIndex(2024, 1),
	to: monthIndex(2024, 6),
	...patch
});
async function pivot(s: ExploreState): Promise<{ table: PivotTable; rows: PivotRow[] }> {
	const rows = rowsOf<PivotRow>(await db.query(exploreQuery(config, s)!.sql));
	return { table: buildPivotTable(config, s, rows, names, 'zh'), rows };
}
const texts = (table: PivotTable) =>
	table.lines.map((l) => [...l.labels, ...l.cells.map((c) => c.text)]);

describe('explore URL', () => {
	it('keeps the whole pivot, and leaves the defaults out', () => {
		const s = state({
			rows: 'both',
			sort: 'f:policy_compliance_rate',
			desc: true,
			units: [T1],
			category: 'policy',
			chart: 'line',
			granularity: 'month'
		});
		const p = serializeExplore(s, config, manifest, 'en');
		expect(parseExplore(p, config, manifest)).toEqual(s);
		expect(p.get('lang')).toBe('en');
		expect(
			serializeExplore(defaultExploreState(config, manifest), config, manifest, 'zh').toString()
		).toBe('');
	});

	it('falls back on what it does not know; a cross table of periods has units as rows', () => {
		const s = parseExplore(
			new URLSearchParams(
				'f=nope,m.pop_total&rows=both&cols=periods&level=x&sort=<b>&units=1;DROP'
			),
			config,
			manifest
		);
		expect(s).toMatchObject({
			fields: ['m.pop_total'],
			rows: 'unit',
			cols: 'periods',
			level: 'township',
			sort: '',
			units: []
		});
	});
});

describe('the pivot table on the fixture county', () => {
	it('gives each township over the span and the totals line recomputed from the counts', async () => {
		const { table } = await pivot(state());
		expect(table.columns.map((c) => c.key)).toEqual([
			'f:policy_compliance_rate',
			'n:policy_compliance_rate',
			'd:policy_compliance_rate',
			'f:m.pop_total'
		]);
		// 2024H1: T1 27 of 27 births within policy, T2 0 of 6; population at 2024-06
		expect(texts(table)).toEqual([
			['城关镇', '100.00%', '27', '27', '3,140'],
			['河西乡', '0.00%', '0', '6', '3,280'],
			['合计', '81.82%', '27', '33', '6,420']
		]);
		// against the 2024 scheme's target of 90: text marks, not colour alone
		expect(table.lines.map((l) => l.cells[0].mark)).toEqual(['met', 'missed', 'missed']);
		expect(table.lines.at(-1)!.total).toBe(true);
	});

	it('sorts on any column, the totals line staying last', async () => {
		const desc = await pivot(state({ sort: 'f:m.pop_total', desc: true }));
		expect(desc.table.lines.map((l) => l.labels[0])).toEqual(['河西乡', '城关镇', '合计']);
		const asc = await pivot(state({ sort: 'unit', desc: true }));
		expect(asc.table.lines.at(-1)!.labels[0]).toBe('合计');
	});

	it('crosses units with periods: a totals column over the span and a totals line per period', async () => {
		const { table, rows } = await pivot(
			state({ cols: 'periods', fields: ['policy_compliance_rate'] })
		);
		expect(table.columns.map((c) => c.label)).toEqual([
			'2024年第一季度',
			'2024年第二季度',
			'2024年1月至2024年6月'
		]);
		// Q1: 12 of 15, Q2: 15 of 18, H1: 27 of 33 — never (80 + 83.33) / 2
		expect(table.lines.at(-1)!.cells.map((c) => c.text)).toEqual(['80.00%', '83.33%', '81.82%']);
		const chart = pivotChart(
			config.catalog,
			{ ...state({ cols: 'periods' }), chart: 'line' },
			table,
			rows,
			names,
			'zh'
		)!;
		expect(chart.config.type).toBe('line');
		expect(chart.data.series.map((s) => s.name)).toEqual(['城关镇', '河西乡']);
		expect(chart.data.series[0].values).toEqual([100, 100]);
	});

	it('rows of periods show the units together', async () => {
		const { table } = await pivot(state({ rows: 'period', counts: false }));
		expect(texts(table)).toEqual([
			['2024年第一季度', '80.00%', '6,330'],
			['2024年第二季度', '83.33%', '6,420'],
			['合计', '81.82%', '6,420']
		]);
	});
});

describe('exports', () => {
	it('CSV: BOM, the screen’s header, numbers as numbers, the totals line', async () => {
		const { table } = await pivot(state());
		const csv = tableCsv(pivotExport(table, '', 'zh'), 'zh');
		expect(
			csv.startsWith('\uFEFF单位,政策符合率,政策符合率·政策内出生,政策符合率·出生人数,总人口\r\n')
		).toBe(true);
		expect(csv).toContain('\r\n合计,81.8182,27,33,6420\r\n');
	});

	it('XLSX: title, frozen header, number formats and widths; read back with the same numbers', async () => {
		const s = state({
			fields: ['policy_compliance_rate', 'birth_rate', 'm.pop_total', 'm.fee_collected']
		});
		const { table } = await pivot(s);
		const title = exportTitle(config, manifest, s, 'zh');
		expect(title).toBe(
			'数据探索：乡镇 × 单位，2024年1月至2024年6月（按季）；数据集 2023-04—2024-06（2024-07-15）；考核方案：' +
				config.schemes.get(2024)!.name
		);
		const bytes = tableXlsx(pivotExport(table, title, 'zh'), 'zh');
		const back = readXlsx(bytes);
		expect(back.rows[0]).toEqual({ line: 1, cells: [title] });
		expect(back.rows[1].line).toBe(3);
		expect(back.rows[1].cells).toEqual([
			'单位',
			...table.columns.map((c) => (c.style.kind === 'yuan' ? `${c.label}（万元）` : c.label))
		]);
		const body = back.rows.slice(2);
		expect(body.map((r) => r.cells[0])).toEqual(table.lines.map((l) => l.labels[0]));
		body.forEach((r, i) =>
			table.lines[i].cells.forEach((c, j) => {
				const expected = exportNumber(c.value, table.columns[j].style, true);
				// the reader gives Excel's 15 significant digits
				if (expected === null) expect(r.cells[j + 1]).toBeNull();
				else expect(Number(r.cells[j + 1])).toBeCloseTo(expected, 9);
			})
		);
		// 2024H1 fees collected: 500.25 × 6 + 1500 × 6 = 12,001.5 yuan = 1.20015 万元
		const fees = table.columns.findIndex((c) => c.key === 'f:m.fee_collected') + 1;
		expect(Number(body.at(-1)!.cells[fees])).toBeCloseTo(1.20015, 10);
		const parts = unzipSync(bytes);
		const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
		const styles = strFromU8(parts['xl/styles.xml']);
		expect(sheet).toContain(
			'<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>'
		);
		expect(sheet).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/);
		for (const f of ['0.00&quot;%&quot;', '0.00&quot;‰&quot;', '#,##0', '#,##0.00&quot;万元&quot;'])
			expect(styles).toContain(`formatCode="${f}"`);
		openpyxlCheck(
			bytes,
			title,
			body.map((r) => r.cells)
		);
	});
});

/** An independent reader, when Debian's python3-openpyxl is installed (skipped otherwise). */
function openpyxlCheck(bytes: Uint8Array, title: string, body: (string | number | null)[][]) {
	// Debian's own interpreter, where apt installs python3-openpyxl (a pyenv python3 may shadow it)
	const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
	const probe = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' });
	if (probe.status !== 0) return;
	const dir = mkdtempSync(join(tmpdir(), 'kaoping-pivot-'));
	try {
		writeFileSync(join(dir, 'p.xlsx'), bytes);
		const script = [
			'import json, sys, openpyxl',
			'ws = openpyxl.load_workbook(sys.argv[1]).active',
			'print(json.dumps({"freeze": ws.freeze_panes, "rows": [list(r) for r in ws.iter_rows(values_only=True)]}, ensure_ascii=False))'
		].join('\n');
		const run = spawnSync(python, ['-c', script, join(dir, 'p.xlsx')], { encoding: 'utf8' });
		expect(run.status, run.stderr).toBe(0);
		const out = JSON.parse(run.stdout) as { freeze: string; rows: (string | number | null)[][] };
		expect(out.freeze).toBe('A4');
		expect(out.rows[0][0]).toBe(title);
		// openpyxl gives numbers where the build's reader gives their text (15 significant digits)
		const rows = out.rows.slice(3);
		expect(rows.length).toBe(body.length);
		rows.forEach((row, r) =>
			row.forEach((cell, c) => {
				const want = body[r][c];
				if (typeof cell === 'number') expect(cell).toBeCloseTo(Number(want), 9);
				else expect(cell).toEqual(want);
			})
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
