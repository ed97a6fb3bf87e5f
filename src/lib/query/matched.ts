import { expandMeasure, indicatorById } from '../config/catalog-lookup';
import type { Catalog, Term } from '../config/catalog-schema';
import { ident } from '../sql/quote';

/**
 * Matched terms: a rate's numerator and denominator are summed over the same unit-months — those
 * where every measure its formula names is reported (a flow) or known (a stock, possibly carried
 * a few months). A village that leaves 政策内出生 blank therefore drops out of both sides of
 * 政策符合率 for that month instead of adding its births to the denominator alone.
 *
 * Each indicator with counts of its own gets per unit-month columns:
 *   `<id>.num`       numerator of the month (flows) or month-end stock, NULL when not usable
 *   `<id>.den`       denominator likewise; for a mean stock the month's exposure
 *                    (previous month-end + month-end) / 2, so that a period's mean stock is the
 *                    average over its months (序时平均) of what was actually observed
 *   `<id>.used`      1 when the month is usable, else 0 (a township sums it: villages used)
 *   `<id>.carried`   1 when usable with a stock carried from an earlier month (stock indicators)
 *   `<id>.start_est` 1 when usable but the opening stock was unknown (first month of data), so
 *                    the month-end stock stood in for it (mean-stock indicators)
 * Villages compute them on the fly (`matchedSelectSql`); the build sums them per township and
 * county and month, so every level aggregates the same columns in the same way.
 */
export interface Matched {
	id: string;
	/** How the numerator aggregates over months: flows are summed, a stock is read at the end. */
	num: 'sum' | 'end';
	/** How the denominator aggregates; null for a count; task = the year's task, looked up. */
	den: 'sum' | 'end' | 'mean' | 'task' | null;
	/** The numerator accumulates from January whatever the period (task completion). */
	ytd: boolean;
	/** Measures added and subtracted for the numerator (births − deaths for natural growth). */
	plus: string[];
	minus: string[];
	/** Measures summed for the denominator (a mean or end term: the one stock). */
	denParts: string[];
	taskMeasure: string | null;
	/** Every raw measure that must be known for a month to be used. */
	measures: string[];
	hasStock: boolean;
	meanStock: string | null;
}

export type MatchedColumn = 'num' | 'den' | 'used' | 'carried' | 'start_est';

export function matchedColumn(id: string, col: MatchedColumn): string {
	return `${id}.${col}`;
}

/** The indicator ids with matched columns of their own (a difference of rates that do not share
 * a denominator has none: it is computed from its two parts). */
export function matchedIds(catalog: Catalog, ids: readonly string[]): string[] {
	const out = new Set<string>();
	const visit = (id: string) => {
		const f = indicatorById(catalog, id).formula;
		if (f.kind === 'difference' && !sharesDenominator(catalog, f.minuend, f.subtrahend)) {
			visit(f.minuend);
			visit(f.subtrahend);
		} else out.add(id);
	};
	ids.forEach(visit);
	return [...out];
}

/** births − deaths over the same mean population: one rate with counts, not two subtracted. */
export function sharesDenominator(catalog: Catalog, a: string, b: string): boolean {
	const x = indicatorById(catalog, a).formula;
	const y = indicatorById(catalog, b).formula;
	return (
		x.kind === 'ratio' &&
		y.kind === 'ratio' &&
		JSON.stringify(x.denominator) === JSON.stringify(y.denominator) &&
		!('task' in x.denominator) &&
		x.scale === y.scale &&
		x.year_to_date === y.year_to_date &&
		x.annualisable === y.annualisable &&
		sameKind(x.numerator, y.numerator)
	);
}

function sameKind(a: Term, b: Term): boolean {
	return 'sum' in a && 'sum' in b;
}

export function matchedShape(catalog: Catalog, id: string): Matched {
	const f = indicatorById(catalog, id).formula;
	const stockIds = new Set(catalog.measures.filter((m) => m.kind === 'stock').map((m) => m.id));
	const expand = (ids: string[]) => ids.flatMap((m) => expandMeasure(catalog, m));
	const termParts = (t: Term): string[] =>
		'sum' in t ? expand(t.sum) : 'end' in t ? [t.end] : 'mean' in t ? [t.mean] : [];
	let shape: Omit<Matched, 'measures' | 'hasStock' | 'meanStock'>;
	if (f.kind === 'count') {
		shape = {
			id,
			num: 'sum',
			den: null,
			ytd: false,
			plus: expand([f.measure]),
			minus: [],
			denParts: [],
			taskMeasure: null
		};
	} else if (f.kind === 'ratio') {
		if ('mean' in f.numerator || 'task' in f.numerator)
			throw new Error(`indicators.${id}: a numerator is a sum or an end stock`);
		const den =
			'sum' in f.denominator
				? 'sum'
				: 'end' in f.denominator
					? 'end'
					: 'mean' in f.denominator
						? 'mean'
						: 'task';
		shape = {
			id,
			num: 'sum' in f.numerator ? 'sum' : 'end',
			den,
			ytd: f.year_to_date,
			plus: termParts(f.numerator),
			minus: [],
			denParts: termParts(f.denominator),
			taskMeasure: 'task' in f.denominator ? f.denominator.task : null
		};
	} else {
		if (!sharesDenominator(catalog, f.minuend, f.subtrahend))
			throw new Error(
				`indicators.${id}: a difference of rates without a common denominator has no counts`
			);
		const a = matchedShape(catalog, f.minuend);
		const b = matchedShape(catalog, f.subtrahend);
		shape = { ...a, id, plus: a.plus, minus: b.plus };
	}
	const measures = [...new Set([...shape.plus, ...shape.minus, ...shape.denParts])];
	return {
		...shape,
		measures,
		hasStock: measures.some((m) => stockIds.has(m)),
		meanStock: shape.den === 'mean' ? shape.denParts[0] : null
	};
}

/** The matched columns an indicator has, in a fixed order. */
export function matchedColumns(shape: Matched): MatchedColumn[] {
	const cols: MatchedColumn[] = ['num'];
	if (shape.den !== null && shape.den !== 'task') cols.push('den');
	cols.push('used');
	if (shape.hasStock) cols.push('carried');
	if (shape.meanStock) cols.push('start_est');
	return cols;
}

/**
 * Select-list expressions computing the matched columns of `ids` from one village-month row of
 * `village_month` (raw measures, `stock_carried`), with `previous(stock)` the SQL of the same
 * stock one month earlier (a window's lag). Numerators and denominators are DOUBLE so that money,
 * counts and half-person exposures sum alike.
 */
export function matchedSelectSql(
	catalog: Catalog,
	ids: readonly string[],
	previous: (stock: string) => string
): string[] {
	const out: string[] = [];
	for (const id of ids) {
		const s = matchedShape(catalog, id);
		const ok = s.measures.map((m) => `${ident(m)} IS NOT NULL`).join(' AND ');
		const when = (expr: string) => `CASE WHEN ${ok} THEN CAST(${expr} AS DOUBLE) END`;
		const plus = s.plus.map(ident).join(' + ');
		const num = s.minus.length ? `${plus} - (${s.minus.map(ident).join(' + ')})` : plus;
		const as = (col: MatchedColumn) => ident(matchedColumn(id, col));
		out.push(`${when(num)} AS ${as('num')}`);
		if (s.meanStock) {
			const stock = ident(s.meanStock);
			const prev = previous(s.meanStock);
			out.push(`${when(`(coalesce(${prev}, ${stock}) + ${stock}) / 2`)} AS ${as('den')}`);
		} else if (s.den !== null && s.den !== 'task')
			out.push(`${when(s.denParts.map(ident).join(' + '))} AS ${as('den')}`);
		out.push(`CAST(${ok} AS INTEGER) AS ${as('used')}`);
		if (s.hasStock)
			out.push(`CAST(${ok} AND ${ident('stock_carried')} > 0 AS INTEGER) AS ${as('carried')}`);
		if (s.meanStock)
			out.push(`CAST(${ok} AND ${previous(s.meanStock)} IS NULL AS INTEGER) AS ${as('start_est')}`);
	}
	return out;
}

/** Every indicator of the catalog with matched columns (what the build publishes per level). */
export function allMatchedIds(catalog: Catalog): string[] {
	return matchedIds(
		catalog,
		catalog.indicators.map((i) => i.id)
	);
}
