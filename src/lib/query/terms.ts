import { expandMeasure, indicatorById } from '../config/catalog';
import type { Catalog, Indicator, Term } from '../config/catalog-schema';
import { ident } from '../sql/quote';

/**
 * A formula term as one aggregate over the rows of `bucket_months` (a unit's months joined to a
 * bucket, flagged `in_period` and `in_ytd`). Everything is summed within a unit and a bucket;
 * units are never averaged, so a rate over many units is always Σ numerator / Σ denominator.
 */
export interface TermUse {
	term: Term;
	/** Year to date: the term covers January of the bucket's year to the bucket's end. */
	ytd: boolean;
}

/** The column name a term gets in the `terms` CTE, e.g. `sum:births_total`, `ytd:sum:four_ops`. */
export function termKey({ term, ytd }: TermUse): string {
	const base =
		'sum' in term
			? `sum:${term.sum.join('+')}`
			: 'end' in term
				? `end:${term.end}`
				: 'mean' in term
					? `mean:${term.mean}`
					: `task:${term.task}`;
	// a task is annual whatever the range, so it has no YTD variant
	return ytd && !('task' in term) ? `ytd:${base}` : base;
}

/** The aggregate for a sum, end or mean term (tasks come from `unit_tasks` instead). */
export function termAggregateSql(catalog: Catalog, use: TermUse): string {
	const { term, ytd } = use;
	const range = ytd ? 'in_ytd' : 'in_period';
	const first = ytd ? 'ytd_from' : 'period_from';
	if ('sum' in term) {
		const parts = term.sum.flatMap((m) => expandMeasure(catalog, m)).map(ident);
		if (parts.length === 1) return `sum(${parts[0]}) FILTER (WHERE ${range})`;
		// an unreported part adds nothing; the sum is NULL only when no part was reported at all
		const total = parts.map((p) => `coalesce(${p}, 0)`).join(' + ');
		const reported = parts.map((p) => `${p} IS NOT NULL`).join(' OR ');
		return `sum(${total}) FILTER (\n\tWHERE ${range} AND (${reported})\n)`;
	}
	if ('end' in term) return endSql(ident(term.end), range);
	if ('mean' in term) {
		const s = ident(term.mean);
		// start = the month before's end stock; outside the data (or before the unit's first
		// report) fall back to the earliest stock of the period
		return [
			'(',
			'\tcoalesce(',
			`\t\tmax(${s}) FILTER (WHERE m = ${first} - 1),`,
			`\t\targ_min(${s}, m) FILTER (WHERE ${range} AND ${s} IS NOT NULL)`,
			'\t)',
			`\t+ ${endSql(s, range)}`,
			') / 2'
		].join('\n');
	}
	throw new Error(`task terms are looked up, not aggregated: ${termKey(use)}`);
}

// the last stock in range, which for a bucket cut short by the data is its last month
function endSql(stock: string, range: string): string {
	return `arg_max(${stock}, m) FILTER (WHERE ${range} AND ${stock} IS NOT NULL)`;
}

/** Column expressions of one indicator over the `terms` CTE. */
export interface IndicatorExpr {
	numerator: string;
	denominator: string;
	value: string;
	annualised: boolean;
}

/** Everything a set of indicators needs from the data: terms, task measures, reach. */
export interface Plan {
	terms: TermUse[];
	taskMeasures: string[];
	/** Raw catalog columns to read from the unit-month table. */
	measures: string[];
	previousMonth: boolean;
	yearToDate: boolean;
}

export function planIndicators(catalog: Catalog, ids: readonly string[]): Plan {
	const terms = new Map<string, TermUse>();
	const visit = (ind: Indicator) => {
		const f = ind.formula;
		if (f.kind === 'difference') {
			visit(indicatorById(catalog, f.minuend));
			visit(indicatorById(catalog, f.subtrahend));
			return;
		}
		const uses: TermUse[] =
			f.kind === 'count'
				? [{ term: { sum: [f.measure] }, ytd: false }]
				: [
						{ term: f.numerator, ytd: f.year_to_date },
						{ term: f.denominator, ytd: false }
					];
		for (const use of uses) terms.set(termKey(use), use);
	};
	for (const id of ids) visit(indicatorById(catalog, id));
	const uses = [...terms.values()];
	const aggregated = uses.filter((u) => !('task' in u.term));
	const measures = new Set<string>();
	for (const { term } of aggregated) {
		const named =
			'sum' in term ? term.sum : 'end' in term ? [term.end] : 'mean' in term ? [term.mean] : [];
		for (const id of named) for (const m of expandMeasure(catalog, id)) measures.add(m);
	}
	return {
		terms: uses,
		taskMeasures: uses.flatMap((u) => ('task' in u.term ? [u.term.task] : [])),
		measures: [...measures],
		previousMonth: aggregated.some((u) => 'mean' in u.term),
		yearToDate: aggregated.some((u) => u.ytd)
	};
}

/**
 * Numerator, denominator and value of an indicator over the `terms` CTE. Rates are
 * Σ numerator / Σ denominator × scale with a zero denominator giving NULL (DuckDB's double
 * division would give Infinity). Annualising multiplies by 12 / months with data.
 */
export function indicatorExpr(catalog: Catalog, id: string, annualise = false): IndicatorExpr {
	const f = indicatorById(catalog, id).formula;
	const col = (use: TermUse) => `CAST(${ident(termKey(use))} AS DOUBLE)`;
	if (f.kind === 'count') {
		const n = col({ term: { sum: [f.measure] }, ytd: false });
		return { numerator: n, denominator: 'CAST(NULL AS DOUBLE)', value: n, annualised: false };
	}
	if (f.kind === 'ratio') {
		const n = col({ term: f.numerator, ytd: f.year_to_date });
		const d = col({ term: f.denominator, ytd: false });
		const annualised = annualise && f.annualisable;
		return { numerator: n, denominator: d, value: rate(n, d, f.scale, annualised), annualised };
	}
	const a = indicatorById(catalog, f.minuend).formula;
	const b = indicatorById(catalog, f.subtrahend).formula;
	// births − deaths over the same mean population: keep the counts behind the difference
	if (
		a.kind === 'ratio' &&
		b.kind === 'ratio' &&
		JSON.stringify(a.denominator) === JSON.stringify(b.denominator) &&
		a.scale === b.scale &&
		a.year_to_date === b.year_to_date &&
		a.annualisable === b.annualisable
	) {
		const n = `${col({ term: a.numerator, ytd: a.year_to_date })} - ${col({ term: b.numerator, ytd: b.year_to_date })}`;
		const d = col({ term: a.denominator, ytd: false });
		const annualised = annualise && a.annualisable;
		return {
			numerator: n,
			denominator: d,
			value: rate(`(${n})`, d, a.scale, annualised),
			annualised
		};
	}
	// rates that cannot both be annualised are subtracted as they are (the flag says which)
	let x = indicatorExpr(catalog, f.minuend, annualise);
	let y = indicatorExpr(catalog, f.subtrahend, annualise);
	if (x.annualised !== y.annualised) {
		x = indicatorExpr(catalog, f.minuend, false);
		y = indicatorExpr(catalog, f.subtrahend, false);
	}
	const none = 'CAST(NULL AS DOUBLE)';
	return {
		numerator: none,
		denominator: none,
		value: `(${x.value}) - (${y.value})`,
		annualised: x.annualised
	};
}

function rate(n: string, d: string, scale: number, annualised: boolean): string {
	const per = annualised ? ` * ${scale} * 12 / months` : ` * ${scale}`;
	return `${n} / NULLIF(${d}, 0)${per}`;
}
