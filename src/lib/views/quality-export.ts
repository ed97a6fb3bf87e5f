import type { Catalog, Indicator } from '../config/catalog-schema';
import { formatMonth, formatPeriodKey } from '../format';
import { t, type Lang } from '../i18n';
import type { UnreportedRow } from '../query/quality';
import type { Completeness } from '../stats';
import { unreportedParts, unreportedShare, type OutlierRow } from './quality-tables';
import { countColumn, textColumn, type ExportTable } from './table-export';

/** One line of a completeness table: the group's code (a unit's, or none for a month) and name. */
export interface CompletenessLine {
	code: string | null;
	name: string;
	stats: Completeness;
}

const rate = (x: number | null) => (x === null ? null : x * 100);

/**
 * A completeness table as a file, with the same columns as the screen: the counts, then both
 * rates in % (received of due, on time of those whose deadline has passed).
 */
export function completenessExport(
	lines: readonly CompletenessLine[],
	x: { view: string; title: string; nameHeader: string },
	lang: Lang
): ExportTable {
	const withCode = lines.some((l) => l.code !== null);
	const percent = (header: string) => ({
		header,
		style: { kind: 'percent' as const, decimals: 1 }
	});
	return {
		view: x.view,
		title: x.title,
		columns: [
			...(withCode ? [textColumn(t(lang, 'table.code'))] : []),
			textColumn(x.nameHeader),
			countColumn(t(lang, 'quality.due')),
			countColumn(t(lang, 'quality.received')),
			countColumn(t(lang, 'quality.onTime')),
			countColumn(t(lang, 'quality.late')),
			countColumn(t(lang, 'quality.missing')),
			percent(t(lang, 'quality.receivedRate')),
			percent(t(lang, 'quality.onTimeRate'))
		],
		rows: lines.map((l) => [
			...(withCode ? [l.code] : []),
			l.name,
			l.stats.due,
			l.stats.received,
			l.stats.onTime,
			l.stats.late,
			l.stats.missing,
			rate(l.stats.receivedRate),
			rate(l.stats.onTimeRate)
		])
	};
}

const UNIT_SIGN: Record<Indicator['unit'], string> = {
	percent: '%',
	permille: '‰',
	ratio: '',
	count: ''
};

/**
 * Outliers as a file: every one found (the screen shows the first 40), one line each with its
 * indicator, unit, period, value on the indicator's own scale and its sign (% or ‰) beside it,
 * the counts it is the ratio of, z and the expected range.
 */
export function outlierExport(
	rows: readonly OutlierRow[],
	catalog: Catalog,
	x: { view: string; title: string },
	lang: Lang
): ExportTable {
	const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
	const quantity = (header: string) => ({ header, style: { kind: 'quantity' as const } });
	return {
		view: x.view,
		title: x.title,
		columns: [
			textColumn(t(lang, 'quality.indicator')),
			textColumn(t(lang, 'table.code')),
			textColumn(t(lang, 'quality.unit')),
			textColumn(t(lang, 'table.period')),
			quantity(t(lang, 'quality.value')),
			textColumn(t(lang, 'export.unitOfValue')),
			quantity(t(lang, 'export.numeratorValue')),
			quantity(t(lang, 'export.denominatorValue')),
			{ header: t(lang, 'quality.z'), style: { kind: 'ratio', decimals: 1 } },
			quantity(t(lang, 'export.expectedLow')),
			quantity(t(lang, 'export.expectedHigh')),
			textColumn(t(lang, 'table.note'))
		],
		rows: rows.map((r) => {
			const ind = indicators.get(r.indicator);
			return [
				ind?.name[lang] ?? r.indicator,
				r.code,
				r.name,
				formatPeriodKey(r.period_key, lang),
				r.value,
				ind ? UNIT_SIGN[ind.unit] : '',
				r.numerator,
				r.denominator,
				r.z,
				r.range[0],
				r.range[1],
				r.meanAd ? t(lang, 'quality.madZero') : ''
			];
		})
	};
}

/** 漏报 as a file: the village-months with finds, each township and the total, as on screen. */
export function unreportedExport(
	rows: readonly UnreportedRow[],
	x: { view: string; title: string; subtotals: boolean },
	lang: Lang
): ExportTable {
	const { finds, townships, total } = unreportedParts(rows);
	// as on the screen: a township's subtotal when the county is shown and it has finds
	const subtotals = x.subtotals ? townships.filter((r) => (r.found ?? 0) > 0) : [];
	const line = (r: UnreportedRow, unit: string, code: string | null, month: string) => [
		code,
		unit,
		month,
		r.found,
		r.reported,
		rate(unreportedShare(r.found, r.reported))
	];
	return {
		view: x.view,
		title: x.title,
		columns: [
			textColumn(t(lang, 'table.code')),
			textColumn(t(lang, 'quality.unit')),
			textColumn(t(lang, 'quality.month')),
			countColumn(t(lang, 'quality.found')),
			countColumn(t(lang, 'quality.reportedBirths')),
			{ header: t(lang, 'quality.unreportedRate'), style: { kind: 'percent', decimals: 1 } }
		],
		rows: [
			...finds.map((r) => line(r, r.name ?? '', r.code, formatMonth(r.month ?? 0, lang))),
			...subtotals.map((r) =>
				line(
					r,
					r.township_name ?? r.name ?? '',
					r.township_code ?? r.code,
					t(lang, 'quality.total')
				)
			),
			...(total ? [line(total, t(lang, 'quality.total'), null, '')] : [])
		]
	};
}
