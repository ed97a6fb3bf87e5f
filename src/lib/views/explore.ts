import type { Config } from '../config';
import type { Catalog } from '../config/catalog-schema';
import type { ExtractName, Manifest } from '../extract/schema';
import {
	monthIndex,
	parseReportMonth,
	yearOf,
	type Granularity,
	type MonthIndex
} from '../periods';
import { bucketPeriods } from '../query/buckets';
import { pivotSql } from '../query/pivot';
import { planIndicators } from '../query/terms';
import type { Level } from '../query/types';
import { overviewIndicators } from './overview';
import { viewQuery, type TableNeed, type ViewQuery } from './view-query';

/** What a row of the pivot is: a unit (over the whole span), a period (the units together), or both. */
export type PivotRowsBy = 'unit' | 'period' | 'both';
/** Columns: the chosen fields, or the periods of the first field (a cross table). */
export type PivotColsBy = 'fields' | 'periods';
export type PivotChart = 'bar' | 'line';

/**
 * The 数据探索 pivot. A field is an indicator id, or `m.<measure>` for a raw measure. `scope`
 * is the county (townships, or the county itself) or the township whose villages are shown.
 */
export interface ExploreState {
	level: Level;
	scope: string;
	/** Units kept (filter); empty = every unit of the level in the scope. */
	units: string[];
	fields: string[];
	/** Numerator and denominator columns beside each rate. */
	counts: boolean;
	rows: PivotRowsBy;
	cols: PivotColsBy;
	granularity: Granularity;
	from: MonthIndex;
	to: MonthIndex;
	/** Category filter of the field picker ('' = every category). */
	category: string;
	/** Column key sorted on ('' = the units' own order), and its direction. */
	sort: string;
	desc: boolean;
	chart: PivotChart;
}

export const MEASURE_PREFIX = 'm.';
export const isMeasureField = (f: string) => f.startsWith(MEASURE_PREFIX);
export const measureOf = (f: string) => f.slice(MEASURE_PREFIX.length);

/** Every field the catalog offers: indicators, then raw measures. */
export function allFields(catalog: Catalog): string[] {
	return [
		...catalog.indicators.map((i) => i.id),
		...catalog.measures.map((m) => MEASURE_PREFIX + m.id)
	];
}

/** The townships of the county, this year to the latest month, on the scheme's first indicators. */
export function defaultExploreState(config: Config, manifest: Manifest): ExploreState {
	const to = parseReportMonth(manifest.periods.latest ?? manifest.periods.to)!;
	const first = parseReportMonth(manifest.periods.from)!;
	const assessed = overviewIndicators(config, yearOf(to)).assessed;
	const fields = assessed.length ? assessed.slice(0, 3) : [config.catalog.indicators[0].id];
	return {
		level: 'township',
		scope: manifest.counties[0]?.code ?? '',
		units: [],
		fields,
		counts: false,
		rows: 'unit',
		cols: 'fields',
		granularity: 'quarter',
		from: Math.max(first, monthIndex(yearOf(to), 1)),
		to,
		category: '',
		sort: '',
		desc: false,
		chart: 'bar'
	};
}

/** The fields a table shows: a cross table of periods shows its first field only. */
export function shownFields(state: ExploreState): string[] {
	return state.cols === 'periods' ? state.fields.slice(0, 1) : state.fields;
}

export function explorePeriods(state: ExploreState) {
	return bucketPeriods(state.granularity, state.from, state.to);
}

const MONTH_TABLES = {
	county: 'county_month',
	township: 'township_month',
	village: 'village_month'
} as const satisfies Record<Level, ExtractName>;

/** The pivot's one query: the units (and their totals) × periods (and the span) × fields. */
export function exploreQuery(config: Config, state: ExploreState): ViewQuery | null {
	const fields = shownFields(state);
	if (!fields.length || !state.scope) return null;
	const indicators = fields.filter((f) => !isMeasureField(f));
	const measures = fields.filter(isMeasureField).map(measureOf);
	const selection =
		state.level === 'county'
			? { level: 'county' as const, codes: state.units.length ? state.units : [state.scope] }
			: {
					level: state.level,
					parent: state.scope,
					...(state.units.length ? { codes: state.units } : {})
				};
	const sql = pivotSql(config.catalog, {
		...selection,
		indicators,
		measures,
		periods: explorePeriods(state)
	});
	const tables: ExtractName[] = [MONTH_TABLES[state.level], 'units'];
	if (planIndicators(config.catalog, indicators).taskMeasures.length) tables.push('tasks');
	const need: TableNeed = { tables };
	if (state.level === 'village') need.townships = [state.scope];
	return viewQuery(sql, need);
}

/** How long the latest pivot took in the page (read by `npm run bench:explore`). */
export interface PivotTiming {
	key: string;
	asked: number;
	arrived: number;
	queryMs: number;
	/** The table's lines and cells (buildPivotTable), part of renderMs. */
	buildMs: number;
	/** From the rows' arrival to the table (and its chart) painted. */
	renderMs: number;
}
