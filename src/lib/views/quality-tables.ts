import type { Config } from '../config';
import type { IndicatorRow } from '../query/types';
import type { ReportCellRow, UnreportedRow } from '../query/quality';
import { reportStatus, type Outlier, type ReportStatus } from '../stats';

/**
 * The quality page's tables shaped for display: the village × month matrix, the outlier lists
 * with their indicators, and the 漏报 rows. Pure; the components only lay these out.
 */
export interface MatrixRow {
	code: string;
	name: string;
	township_code: string;
	township_name: string;
	/** One per month of the period, in order; null for a month the village was elsewhere. */
	cells: ({ status: ReportStatus; submitted_on: string | null } | null)[];
	/** Cells that are not on time. */
	problems: number;
}

export interface ReportMatrix {
	months: number[];
	rows: MatrixRow[];
	/** Villages in the scope (rows before any filtering). */
	villages: number;
}

/**
 * Village rows × the months of the period. `problemsOnly` keeps villages with any cell not on
 * time (the county view: 300 rows of ✓ hide the dozen that matter).
 */
export function reportMatrix(
	cells: readonly ReportCellRow[],
	from: number,
	to: number,
	problemsOnly: boolean
): ReportMatrix {
	const months = Array.from({ length: to - from + 1 }, (_, i) => from + i);
	const byVillage = new Map<string, MatrixRow>();
	for (const c of cells) {
		let row = byVillage.get(c.code);
		if (!row) {
			row = {
				code: c.code,
				name: c.name,
				township_code: c.township_code,
				township_name: c.township_name,
				cells: months.map(() => null),
				problems: 0
			};
			byVillage.set(c.code, row);
		}
		const status = reportStatus(c);
		row.cells[c.month - from] = { status, submitted_on: c.submitted_on };
		if (status !== 'on_time') row.problems++;
	}
	const rows = [...byVillage.values()];
	return {
		months,
		rows: problemsOnly ? rows.filter((r) => r.problems > 0) : rows,
		villages: rows.length
	};
}

/** One outlier as a table row: the indicator it belongs to and the unit's name. */
export interface OutlierRow {
	indicator: string;
	code: string;
	name: string;
	period_key: string;
	period_from: number;
	period_to: number;
	value: number;
	numerator: number | null;
	denominator: number | null;
	z: number;
	median: number;
	range: [number, number];
	meanAd: boolean;
}

export function outlierRows(
	outliers: readonly Outlier<IndicatorRow>[],
	config: Config,
	names: ReadonlyMap<string, string>
): OutlierRow[] {
	const known = new Set(config.catalog.indicators.map((i) => i.id));
	// a ratio of counts is never below 0, so "expected from −264%" would be nonsense on screen;
	// differences (natural growth) may well be negative
	const ratios = new Set(
		config.catalog.indicators.filter((i) => i.formula.kind === 'ratio').map((i) => i.id)
	);
	return outliers
		.filter((o) => known.has(o.item.indicator))
		.map((o) => ({
			indicator: o.item.indicator,
			code: o.item.code,
			name: names.get(o.item.code) ?? o.item.code,
			period_key: o.item.period_key,
			period_from: o.item.period_from,
			period_to: o.item.period_to,
			value: o.value,
			numerator: o.item.numerator,
			denominator: o.item.denominator,
			z: o.z,
			median: o.median,
			range: ratios.has(o.item.indicator)
				? [Math.max(0, o.expectedRange[0]), o.expectedRange[1]]
				: o.expectedRange,
			meanAd: o.source === 'mean_ad'
		}));
}

/** 漏报 split into its rows: village-months with finds, townships, and the scope's total. */
export function unreportedParts(rows: readonly UnreportedRow[]) {
	return {
		finds: rows.filter((r) => r.grain === 'village_month'),
		townships: rows.filter((r) => r.grain === 'township'),
		total: rows.find((r) => r.grain === 'total') ?? null
	};
}

/** births found / (births reported + found), as the 漏报率 indicator defines it; null for none. */
export const unreportedShare = (found: number | null, reported: number | null): number | null =>
	found !== null && reported !== null && found + reported > 0 ? found / (found + reported) : null;
