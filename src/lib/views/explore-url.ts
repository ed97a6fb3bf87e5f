import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { monthText, parseReportMonth, type Granularity } from '../periods';
import type { Level } from '../query/types';
import {
	allFields,
	defaultExploreState,
	type ExploreState,
	type PivotChart,
	type PivotColsBy,
	type PivotRowsBy
} from './explore';
import type { Lang } from './url-state';

const CODE = /^\d{6,12}$/;
const LEVELS: Level[] = ['county', 'township', 'village'];
const GRANULARITIES: Granularity[] = ['month', 'quarter', 'half', 'year', 'ytd'];
const ROWS: PivotRowsBy[] = ['unit', 'period', 'both'];
const COLS: PivotColsBy[] = ['fields', 'periods'];
const CHARTS: PivotChart[] = ['bar', 'line'];
// sort keys name a column: label columns, a field's value / numerator / denominator, a period
const SORT = /^(unit|period|[fnd]:[a-z0-9_.]+|p:[0-9A-Z*-]+)$/;

const oneOf = <T extends string>(list: readonly T[], v: string | null, d: T): T =>
	v !== null && (list as readonly string[]).includes(v) ? (v as T) : d;

function month(manifest: Manifest, text: string | null): number | null {
	const m = text ? parseReportMonth(text) : null;
	const lo = parseReportMonth(manifest.periods.from)!;
	const hi = parseReportMonth(manifest.periods.to)!;
	return m !== null && m >= lo && m <= hi ? m : null;
}

/**
 * The pivot from the URL. Anything unknown (a field the catalog lacks, a code that is not one)
 * falls back to the default, so a mistyped link still opens a sensible view.
 */
export function parseExplore(p: URLSearchParams, config: Config, manifest: Manifest): ExploreState {
	const d = defaultExploreState(config, manifest);
	const known = new Set(allFields(config.catalog));
	const fields = [...new Set((p.get('f') ?? '').split(',').filter((f) => known.has(f)))];
	const cols = oneOf(COLS, p.get('cols'), d.cols);
	const s: ExploreState = {
		level: oneOf(LEVELS, p.get('level'), d.level),
		scope: CODE.test(p.get('scope') ?? '') ? p.get('scope')! : d.scope,
		units: [...new Set((p.get('units') ?? '').split(',').filter((c) => CODE.test(c)))],
		fields: fields.length ? fields : d.fields,
		counts: p.get('n') === '1',
		// a cross table of periods has units as its rows
		rows: cols === 'periods' ? 'unit' : oneOf(ROWS, p.get('rows'), d.rows),
		cols,
		granularity: oneOf(GRANULARITIES, p.get('g'), d.granularity),
		from: month(manifest, p.get('from')) ?? d.from,
		to: month(manifest, p.get('to')) ?? d.to,
		category: config.catalog.categories.some((c) => c.id === p.get('cat')) ? p.get('cat')! : '',
		sort: SORT.test(p.get('sort') ?? '') ? p.get('sort')! : '',
		desc: p.get('desc') === '1',
		chart: oneOf(CHARTS, p.get('chart'), d.chart)
	};
	if (s.from > s.to) [s.from, s.to] = [s.to, s.from];
	return s;
}

/** The pivot as URL parameters, defaults left out so that links stay short. */
export function serializeExplore(
	s: ExploreState,
	config: Config,
	manifest: Manifest,
	lang: Lang
): URLSearchParams {
	const d = defaultExploreState(config, manifest);
	const entries: [string, string, string][] = [
		['level', s.level, d.level],
		['scope', s.scope, d.scope],
		['units', s.units.join(','), ''],
		['f', s.fields.join(','), d.fields.join(',')],
		['n', s.counts ? '1' : '', ''],
		['rows', s.cols === 'periods' ? d.rows : s.rows, d.rows],
		['cols', s.cols, d.cols],
		['g', s.granularity, d.granularity],
		['from', monthText(s.from), monthText(d.from)],
		['to', monthText(s.to), monthText(d.to)],
		['cat', s.category, ''],
		['sort', s.sort, ''],
		['desc', s.desc ? '1' : '', ''],
		['chart', s.chart, d.chart],
		['lang', lang, 'zh']
	];
	const p = new URLSearchParams();
	for (const [k, v, dflt] of entries) if (v !== dflt) p.set(k, v);
	return p;
}
