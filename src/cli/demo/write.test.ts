import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { headerLookup, normalizeHeader } from '../../lib/config/catalog';
import { defaultConfig } from '../config-files';
import { readXlsx } from '../io/xlsx-read';
import { monthIndex } from '../../lib/periods';
import { layoutFor } from './layouts';
import { buildModel, DEMO_DEFAULTS, type FileFormat, type Township } from './model';
import { townshipYears } from './reports';
import { csvField, encodeReport, prepareOutDir, unitsCsv } from './write';

const { catalog } = defaultConfig();
const lookup = headerLookup(catalog);
const model = buildModel(DEMO_DEFAULTS);
const byFormat = (f: FileFormat, extra?: (t: Township) => boolean) =>
	model.townships.find((t) => t.format === f && (!extra || extra(t)))!;
const fileOf = (t: Township) => {
	const ty = [...townshipYears(model, t)].at(-1)!;
	return { bytes: encodeReport(layoutFor(t, catalog), ty.rows), rows: ty.rows };
};
const splitCsv = (text: string) =>
	text
		.split(/\r?\n/)
		.filter(Boolean)
		.map((l) => l.split(','));

describe('report files', () => {
	const formats: [FileFormat, (b: Uint8Array) => string[][], RegExp][] = [
		['gbk-names', (b) => splitCsv(iconv.decode(Buffer.from(b), 'gbk')), /^2024-\d\d$/],
		['gbk-aliases', (b) => splitCsv(iconv.decode(Buffer.from(b), 'gbk')), /^2024-\d\d$/],
		[
			'utf8-ids',
			(b) => splitCsv(new TextDecoder().decode(b).replace(/^\ufeff/, '')),
			/^2024-\d\d$/
		],
		['xlsx', (b) => readXlsx(b).rows.map((r) => r.cells.map((c) => c ?? '')), /^2024年\d{1,2}月$/]
	];

	it.each(formats)('%s: every header names a catalog column', (format, read) => {
		const t = byFormat(format, (x) => !x.roles.includes('village_name_column'));
		const [header] = read(fileOf(t).bytes);
		const ids = header.map((h) => lookup.get(normalizeHeader(h)));
		expect(header.filter((_, i) => !ids[i])).toEqual([]);
		const required = catalog.attributes.filter((a) => a.required).map((a) => a.id);
		expect([...new Set(ids)].sort()).toEqual(
			[...required, ...catalog.measures.map((m) => m.id)].sort()
		);
	});

	it.each(formats)('%s: reads back to the generated values', (format, read, month) => {
		const t = byFormat(format);
		const { bytes, rows } = fileOf(t);
		const [header, ...cells] = read(bytes);
		const at = (id: string) => header.findIndex((h) => lookup.get(normalizeHeader(h)) === id);
		expect(cells).toHaveLength(rows.length);
		cells.forEach((c, i) => {
			expect(c[at('code')]).toBe(rows[i].code);
			expect(c[at('period')]).toMatch(month);
			expect(c[at('births_total')]).toBe(String(rows[i].births_total));
			expect(c[at('fee_assessed')]).toBe(String(rows[i].fee_assessed));
		});
	});

	it('writes GBK that is not valid UTF-8, so a reader sniffing the encoding cannot mistake it', () => {
		const { bytes } = fileOf(byFormat('gbk-names'));
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		expect(iconv.decode(Buffer.from(bytes), 'gbk')).toMatch(
			/^单位代码,(村名,)?月份,出生人数,出生人数（男）/
		);
	});

	it('uses aliases such as 一胎 and Excel-style dates in the alias files', () => {
		const text = iconv.decode(Buffer.from(fileOf(byFormat('gbk-aliases')).bytes), 'gbk');
		expect(text.split('\r\n')[0]).toContain('一胎');
		expect(text.split('\r\n')[1]).toMatch(/,20\d\d\/\d{1,2}\/\d{1,2},/);
	});

	const lineEnds: [FileFormat, string][] = [
		['gbk-names', '\r\n'],
		['utf8-ids', '\n']
	];
	it.each(lineEnds)('%s ends lines with %j', (format, eol) => {
		const text = Buffer.from(fileOf(byFormat(format)).bytes).toString('latin1');
		expect(text.endsWith(eol)).toBe(true);
		if (eol === '\n') expect(text).not.toContain('\r');
	});

	it('starts the UTF-8 files with a BOM and English ids', () => {
		// TextDecoder would silently drop the BOM this test is about.
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			fileOf(byFormat('utf8-ids')).bytes
		);
		expect(text.startsWith('\ufeffcode,period,submitted_on,pop_total')).toBe(true);
	});

	it('adds a village name and an unknown remarks column in one township', () => {
		const named = model.townships.find((t) => t.roles.includes('village_name_column'))!;
		const { bytes, rows } = fileOf(named);
		const [header, ...cells] = splitCsv(iconv.decode(Buffer.from(bytes), 'gbk'));
		expect(header[1]).toBe('村名');
		expect(lookup.get(normalizeHeader('备注'))).toBeUndefined();
		expect(header.at(-1)).toBe('备注');
		cells.forEach((c, i) => expect(c[1]).toBe(rows[i].name));
		expect(cells.some((c) => c.at(-1) === '逾期补报')).toBe(true);
	});

	it('leaves a measure a township does not collect empty for the whole file', () => {
		const silent = model.townships.find((t) => t.roles.includes('no_floating_info'))!;
		const layout = layoutFor(silent, catalog);
		const sent = layout.columns.find(
			(c) => lookup.get(normalizeHeader(c.header)) === 'floating_info_sent'
		)!;
		expect(
			fileOf(silent)
				.rows.map(sent.cell)
				.every((v) => v === null)
		).toBe(true);
	});
});

describe('csvField', () => {
	const cases: [string, string | number | null, string][] = [
		['plain text', '李家庄村', '李家庄村'],
		['a number', 12345.6, '12345.6'],
		['empty for not reported', null, ''],
		['a comma', 'a,b', '"a,b"'],
		['a quote', 'say "hi"', '"say ""hi"""'],
		['a line break', 'a\nb', '"a\nb"']
	];
	it.each(cases)('quotes only when needed: %s', (_case, value, expected) => {
		expect(csvField(value)).toBe(expected);
	});
});

describe('units.csv', () => {
	it('lists the county, townships and villages in code order with English headers', () => {
		const lines = unitsCsv(model).trim().split('\n');
		expect(lines[0]).toBe('code,name,level,parent_code,kind');
		expect(lines[1]).toMatch(/^990101,.+县,county,,县$/);
		expect(lines[2]).toMatch(/^990101001,.+街道,township,990101,街道$/);
		expect(lines).toHaveLength(1 + 1 + 19 + 300);
		const codes = lines.slice(1).map((l) => l.split(',')[0]);
		expect(codes).toEqual([...codes].sort());
	});
});

describe('prepareOutDir', () => {
	const root = mkdtempSync(join(tmpdir(), 'kaoping-demo-out-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	const make = (name: string, files: string[]) => {
		const dir = join(root, name);
		for (const f of files) {
			mkdirSync(join(dir, f, '..'), { recursive: true });
			writeFileSync(join(dir, f), 'x');
		}
		mkdirSync(dir, { recursive: true });
		return dir;
	};

	it('creates a missing directory', () => {
		prepareOutDir(join(root, 'new', 'deeper'));
		expect(readdirSync(join(root, 'new'))).toEqual(['deeper']);
	});

	it('clears a previous demo output', () => {
		const dir = make('previous', [
			'units.csv',
			'tasks.csv',
			'incidents.csv',
			'reports/2024/990101001_甲镇.xlsx'
		]);
		prepareOutDir(dir);
		expect(readdirSync(dir)).toEqual([]);
	});

	const foreign: [string, string[], string][] = [
		['a file of its own', ['units.csv', 'notes.txt'], 'notes.txt'],
		['a stray file in reports/', ['reports/2024/a.csv', 'reports/readme.md'], 'reports/readme.md'],
		['a non-report file in a year folder', ['reports/2024/a.pdf'], 'reports/2024/a.pdf']
	];
	it.each(foreign)('refuses a directory with %s and deletes nothing', (name, files, named) => {
		const dir = make(name.replace(/\W+/g, '-'), files);
		expect(() => prepareOutDir(dir)).toThrow(named);
		expect(readdirSync(dir).length).toBeGreaterThan(0);
	});

	it('refuses a path that is a file', () => {
		writeFileSync(join(root, 'file'), 'x');
		expect(() => prepareOutDir(join(root, 'file'))).toThrow(/not a directory/);
	});
});

describe('layouts of a small county', () => {
	it('cover XLSX, GBK and UTF-8 with three townships', () => {
		const small = buildModel({
			...DEMO_DEFAULTS,
			townships: 3,
			villages: 30,
			from: monthIndex(2023, 1)
		});
		expect(small.townships.map((t) => layoutFor(t, catalog).ext).sort()).toEqual([
			'csv',
			'csv',
			'xlsx'
		]);
	});
});
