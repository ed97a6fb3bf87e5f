import type { Issue } from './issues';
import type { UnitInfo } from './report-row';
import { readSmallCsv, type SmallColumn } from './small-csv';

const COLUMNS: SmallColumn[] = [
	{ id: 'code', aliases: ['代码', '单位代码', '区划代码'], required: true },
	{ id: 'name', aliases: ['名称', '单位名称'], required: true },
	{ id: 'level', aliases: ['级别', '层级'], required: true },
	{ id: 'parent_code', aliases: ['上级代码', '上级单位代码'], required: true },
	{ id: 'kind', aliases: ['类型', '类别'], required: false }
];

/** Level words counties use, mapped onto the three levels of the hierarchy. */
const LEVELS: Record<string, UnitInfo['level']> = {
	county: 'county', 县: 'county', 区: 'county', 县级市: 'county', 市: 'county',
	township: 'township', 乡镇: 'township', 乡: 'township', 镇: 'township', 街道: 'township',
	village: 'village', 村: 'village', 居: 'village', 村委会: 'village', 居委会: 'village', 社区: 'village'
};
const PARENT_LEVEL = { county: null, township: 'county', village: 'township' } as const;

export interface UnitRecord extends UnitInfo {
	kind: string;
}

/** Reads and checks units.csv: the county → township → village tree every report hangs on. */
export function readUnits(bytes: Uint8Array, file: string): { units: Map<string, UnitRecord>; issues: Issue[]; encoding: string } {
	const { rows, issues, encoding } = readSmallCsv(bytes, file, COLUMNS, 'units_invalid');
	const err = (line: number, column: string, detail: string) =>
		issues.push({ severity: 'error', file, line, column, rule: 'units_invalid', detail });
	const parsed: (UnitRecord & { line: number })[] = [];
	const seen = new Map<string, number>();
	for (const r of rows) {
		const code = r.get('code');
		const level = LEVELS[r.get('level').toLowerCase()];
		if (!/^\d{6,12}$/.test(code)) err(r.line, 'code', `"${code}" is not a 6–12 digit area code`);
		else if (seen.has(code)) err(r.line, 'code', `"${code}" already on line ${seen.get(code)}`);
		if (!r.get('name')) err(r.line, 'name', 'empty name');
		if (!level) err(r.line, 'level', `"${r.get('level')}" is not county, township or village`);
		if (!/^\d{6,12}$/.test(code) || seen.has(code) || !r.get('name') || !level) continue;
		seen.set(code, r.line);
		const parentCode = r.get('parent_code') || null;
		parsed.push({ line: r.line, code, name: r.get('name'), level, kind: r.get('kind'), parentCode, townshipCode: null, countyCode: null, index: 0 });
	}
	const byCode = new Map(parsed.map((u) => [u.code, u]));
	for (const u of parsed) {
		const want = PARENT_LEVEL[u.level];
		const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
		if (want === null) {
			if (u.parentCode) err(u.line, 'parent_code', `a county has no parent, got "${u.parentCode}"`);
			continue;
		}
		if (!parent) err(u.line, 'parent_code', `"${u.parentCode ?? ''}" is not a unit in ${file}`);
		else if (parent.level !== want) err(u.line, 'parent_code', `parent ${parent.code} is a ${parent.level}, not a ${want}`);
		else if (!u.code.startsWith(significant(parent.code)))
			issues.push({ severity: 'warning', file, line: u.line, column: 'code', rule: 'code_prefix', detail: `${u.code} / ${parent.code}` });
	}
	if (!parsed.some((u) => u.level === 'county'))
		issues.push({ severity: 'error', file, line: null, column: 'level', rule: 'units_invalid', detail: 'no county' });
	const units = new Map<string, UnitRecord>();
	[...parsed]
		.sort((a, b) => (a.code < b.code ? -1 : 1))
		.forEach((u, index) => {
			const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
			const township = u.level === 'township' ? u : u.level === 'village' ? parent : undefined;
			const county = u.level === 'county' ? u : township?.parentCode ? byCode.get(township.parentCode) : undefined;
			const { line: _line, ...record } = u;
			units.set(u.code, { ...record, index, townshipCode: township?.code ?? null, countyCode: county?.code ?? null });
		});
	return { units, issues, encoding };
}

/** A 12-digit area code padded with zeros (990321001000) stands for its 9- or 6-digit prefix. */
function significant(code: string): string {
	return code.length === 12 ? code.replace(/(000)?000$/, '') : code;
}
