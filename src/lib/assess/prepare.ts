import type { IndicatorRow } from '../query/types';
import { monthIndex, type Period } from '../periods';
import type { AssessContext, Incident, Unit } from './types';

/** One indicator of one period for every assessed unit, by unit position; NaN = null. */
export interface Columns {
	value: Float64Array;
	numerator: Float64Array;
	denominator: Float64Array;
	used: Float64Array;
	due: Float64Array;
}

export interface PlacedIncident {
	unit: number;
	incident: Incident;
	month: number;
}

/**
 * The values indexed once, so that re-judging them (a weight changed, another scheme) is loops
 * over typed arrays: no row scans, no string keys per unit.
 */
export interface Prepared {
	context: AssessContext;
	/** The units of the assessed level, by code. */
	units: Unit[];
	index: ReadonlyMap<string, number>;
	/** Every unit's name by code (incidents name the village they happened in). */
	names: ReadonlyMap<string, string>;
	/** Per unit: its county's group number (units are ranked within their county). */
	group: Int32Array;
	groupCount: number;
	/** Period text → indicator → columns. */
	values: ReadonlyMap<string, ReadonlyMap<string, Columns>>;
	incidents: PlacedIncident[];
}

export const toNumber = (x: number | null | undefined): number =>
	x === null || x === undefined ? NaN : Number(x);
export const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

export function prepare(rows: readonly IndicatorRow[], context: AssessContext): Prepared {
	const byCode = new Map(context.units.map((u) => [u.code, u]));
	const units = context.units
		.filter((u) => u.level === context.level)
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	const index = new Map(units.map((u, i) => [u.code, i]));
	const { group, groupCount } = countyGroups(units, byCode);
	const n = units.length;
	const values = new Map<string, Map<string, Columns>>();
	for (const r of rows) {
		const i = index.get(r.code);
		if (i === undefined) continue;
		let period = values.get(r.period_key);
		if (!period) values.set(r.period_key, (period = new Map()));
		let c = period.get(r.indicator);
		if (!c) period.set(r.indicator, (c = emptyColumns(n)));
		c.value[i] = toNumber(r.value);
		c.numerator[i] = toNumber(r.numerator);
		c.denominator[i] = toNumber(r.denominator);
		c.used[i] = toNumber(r.used);
		c.due[i] = toNumber(r.due);
	}
	const incidents = placeIncidents(context, byCode, index);
	const names = new Map(context.units.map((u) => [u.code, u.name]));
	return { context, units, index, names, group, groupCount, values, incidents };
}

function emptyColumns(n: number): Columns {
	const col = () => new Float64Array(n).fill(NaN);
	return { value: col(), numerator: col(), denominator: col(), used: col(), due: col() };
}

/** Units are compared within their county: the group is the county above each unit. */
function countyGroups(units: readonly Unit[], byCode: ReadonlyMap<string, Unit>) {
	const ids = new Map<string, number>();
	const group = new Int32Array(units.length);
	units.forEach((u, i) => {
		let up: Unit | undefined = u;
		while (up && up.level !== 'county' && up.parent_code) up = byCode.get(up.parent_code);
		const county = up?.level === 'county' ? up.code : '';
		if (!ids.has(county)) ids.set(county, ids.size);
		group[i] = ids.get(county)!;
	});
	return { group, groupCount: ids.size };
}

/** Each incident under the assessed unit it happened in (a village's counts for its township). */
function placeIncidents(
	context: AssessContext,
	byCode: ReadonlyMap<string, Unit>,
	index: ReadonlyMap<string, number>
): PlacedIncident[] {
	const placed: PlacedIncident[] = [];
	for (const incident of context.incidents ?? []) {
		let code: string | null = incident.code;
		// a village's finding counts for the township of its date, not the one units.csv names now
		if (!index.has(code) && incident.township_code && index.has(incident.township_code))
			code = incident.township_code;
		while (code !== null && !index.has(code)) code = byCode.get(code)?.parent_code ?? null;
		const m = incident.date.match(/^(\d{4})-(\d{2})/);
		if (code !== null && m)
			placed.push({ unit: index.get(code)!, incident, month: monthIndex(+m[1], +m[2]) });
	}
	return placed;
}

export const incidentsIn = (prepared: Prepared, period: Period): PlacedIncident[] =>
	prepared.incidents.filter((p) => p.month >= period.from && p.month <= period.to);
