import { schemeFor, type Config } from '../config';
import type { Catalog, Indicator, Measure } from '../config/catalog-schema';
import { formatIndicatorValue, formatPeriodKey, formatQuantity, formatYuan } from '../format';
import { formatMonth } from '../format/period';
import { t, type Lang } from '../i18n';
import { yearOf } from '../periods';
import { TOTAL, type PivotRow } from '../query/pivot';
import {
	explorePeriods,
	isMeasureField,
	measureOf,
	shownFields,
	type ExploreState
} from './explore';
import { fractionLabels, termIsMoney } from './labels';
import { gapTo, targetOf, type TargetView } from './tiles';

/** How a number column is written (screen, CSV and the XLSX number format). */
export type NumberStyle =
	| { kind: 'percent' | 'permille' | 'ratio' | 'count'; decimals: number }
	| { kind: 'quantity' }
	| { kind: 'yuan' };

/** Against the scheme's target: met (or inside the band) or missed; null when there is none. */
export type Mark = 'met' | 'missed';

export interface PivotCell {
	value: number | null;
	text: string;
	mark: Mark | null;
}

export interface PivotColumn {
	key: string;
	label: string;
	field: string;
	style: NumberStyle;
}

export interface PivotLine {
	key: string;
	/** The unit of the line (its label links to the unit page); null for totals and periods. */
	code: string | null;
	/** Unit and/or period words, one per label column. */
	labels: string[];
	cells: PivotCell[];
	total: boolean;
}

export interface PivotTable {
	labelColumns: { key: 'unit' | 'period'; label: string }[];
	columns: PivotColumn[];
	/** Body lines in display order, the totals line last. */
	lines: PivotLine[];
}

interface FieldInfo {
	name: string;
	indicator: Indicator | null;
	measure: Measure | null;
	numerator: string | null;
	denominator: string | null;
	style: NumberStyle;
	countStyles: [NumberStyle, NumberStyle];
}

export function fieldInfo(catalog: Catalog, field: string, lang: Lang): FieldInfo {
	if (isMeasureField(field)) {
		const measure = catalog.measures.find((m) => m.id === measureOf(field))!;
		const style: NumberStyle = measure.type === 'money' ? { kind: 'yuan' } : { kind: 'quantity' };
		return {
			name: measure.name[lang],
			indicator: null,
			measure,
			numerator: null,
			denominator: null,
			style,
			countStyles: [style, style]
		};
	}
	const indicator = catalog.indicators.find((i) => i.id === field)!;
	const labels = fractionLabels(catalog, indicator, lang);
	const f = indicator.formula;
	const money = (side: 'numerator' | 'denominator'): NumberStyle =>
		f.kind === 'ratio' && termIsMoney(catalog, f[side]) ? { kind: 'yuan' } : { kind: 'quantity' };
	return {
		name: indicator.name[lang],
		indicator,
		measure: null,
		// a count is its own numerator; a difference of rates has counts only when they share one
		numerator: f.kind === 'count' ? null : labels.numerator,
		denominator: f.kind === 'count' ? null : labels.denominator,
		style: { kind: indicator.unit, decimals: indicator.decimals },
		countStyles: [money('numerator'), money('denominator')]
	};
}

export function formatStyled(value: number | null, style: NumberStyle, lang: Lang): string {
	if (style.kind === 'yuan') return formatYuan(value, lang);
	if (style.kind === 'quantity') return formatQuantity(value);
	return formatIndicatorValue(value, { unit: style.kind, decimals: style.decimals }, lang);
}

/**
 * The scheme's target for an indicator in the year the period ends. A prorated task target is
 * scaled by the months of the period (时间过半、任务过半), as the assessment does.
 */
export function targetFor(
	config: Config,
	indicator: Indicator,
	row: Pick<PivotRow, 'period_from' | 'period_to'>
): TargetView | null {
	const scoring = schemeFor(config, yearOf(row.period_to))?.indicators[indicator.id];
	if (!scoring) return indicator.better === 'zero' ? { kind: 'zero' } : null;
	const target = targetOf(scoring);
	if (scoring.rule === 'linear' && scoring.prorate && target.kind === 'at_least') {
		const months = Math.min(12, row.period_to - row.period_from + 1);
		return { kind: 'at_least', value: (target.value * months) / 12 };
	}
	return target;
}

export function markOf(config: Config, info: FieldInfo, row: PivotRow | undefined): Mark | null {
	if (!info.indicator || !row) return null;
	const gap = gapTo(targetFor(config, info.indicator, row), row.value);
	return gap === null ? null : gap >= 0 ? 'met' : 'missed';
}

/**
 * The table of a pivot: label columns, one column per field (with numerator and denominator on
 * demand) or per period (and the whole span), the lines in the state's sort order and the
 * totals line — recomputed from summed counts by the query, never added up here — last.
 */
export function buildPivotTable(
	config: Config,
	state: ExploreState,
	rows: readonly PivotRow[],
	units: readonly { code: string; name: string }[],
	lang: Lang
): PivotTable {
	const byKey = new Map(rows.map((r) => [`${r.code}|${r.period_key}|${r.indicator}`, r]));
	const find = (code: string, period: string, field: string) =>
		byKey.get(`${code}|${period}|${isMeasureField(field) ? measureOf(field) : field}`);
	const fields = shownFields(state);
	const infos = new Map(fields.map((f) => [f, fieldInfo(config.catalog, f, lang)]));
	const periods = explorePeriods(state).map((p) => p.text);
	const spanLabel = t(lang, 'explore.span', {
		from: formatMonth(state.from, lang),
		to: formatMonth(state.to, lang)
	});
	const periodLabel = (p: string) => (p === TOTAL ? spanLabel : formatPeriodKey(p, lang));
	const present = new Set(rows.map((r) => r.code));
	const shownUnits = units.filter((u) => present.has(u.code));
	const unitName = (code: string) =>
		code === TOTAL ? t(lang, 'explore.total') : (units.find((u) => u.code === code)?.name ?? code);

	const columns: PivotColumn[] = [];
	type Getter = (code: string, period: string) => PivotCell;
	const getters: Getter[] = [];
	const valueCell =
		(field: string, pick: 'value' | 'numerator' | 'denominator', style: NumberStyle): Getter =>
		(code, period) => {
			const row = find(code, period, field);
			const value = row ? row[pick] : null;
			const mark = pick === 'value' ? markOf(config, infos.get(field)!, row) : null;
			return { value, text: formatStyled(value, style, lang), mark };
		};
	if (state.cols === 'periods') {
		const field = fields[0];
		const info = infos.get(field)!;
		for (const p of [...periods, TOTAL]) {
			columns.push({ key: `p:${p}`, label: periodLabel(p), field, style: info.style });
			const get = valueCell(field, 'value', info.style);
			getters.push((code) => get(code, p));
		}
	} else
		for (const field of fields) {
			const info = infos.get(field)!;
			columns.push({ key: `f:${field}`, label: info.name, field, style: info.style });
			getters.push(valueCell(field, 'value', info.style));
			if (state.counts && info.numerator) {
				columns.push({
					key: `n:${field}`,
					label: `${info.name}·${info.numerator}`,
					field,
					style: info.countStyles[0]
				});
				getters.push(valueCell(field, 'numerator', info.countStyles[0]));
			}
			if (state.counts && info.denominator) {
				columns.push({
					key: `d:${field}`,
					label: `${info.name}·${info.denominator}`,
					field,
					style: info.countStyles[1]
				});
				getters.push(valueCell(field, 'denominator', info.countStyles[1]));
			}
		}

	const line = (code: string, period: string, labels: string[]): PivotLine => ({
		key: `${code}|${period}`,
		code: code === TOTAL ? null : code,
		labels,
		cells: getters.map((g) => g(code, period)),
		total: code === TOTAL && (period === TOTAL || state.rows !== 'period')
	});
	const body: PivotLine[] =
		state.rows === 'period' && state.cols === 'fields'
			? periods.map((p) => line(TOTAL, p, [periodLabel(p)]))
			: state.rows === 'both' && state.cols === 'fields'
				? shownUnits.flatMap((u) => periods.map((p) => line(u.code, p, [u.name, periodLabel(p)])))
				: shownUnits.map((u) => line(u.code, TOTAL, [u.name]));
	const labelColumns: PivotTable['labelColumns'] = [];
	if (state.rows !== 'period' || state.cols === 'periods')
		labelColumns.push({ key: 'unit', label: t(lang, 'table.unit') });
	if (state.rows !== 'unit' && state.cols === 'fields')
		labelColumns.push({ key: 'period', label: t(lang, 'table.period') });
	const totalLabels = labelColumns.map((c, i) =>
		i === 0 ? unitName(TOTAL) : c.key === 'period' ? spanLabel : ''
	);
	return {
		labelColumns,
		columns,
		lines: [
			...sortLines(body, labelColumns, columns, state.sort, state.desc),
			line(TOTAL, TOTAL, totalLabels)
		]
	};
}

/** Lines sorted on a column: numbers with the empty ones last, words in the language's order. */
export function sortLines(
	lines: PivotLine[],
	labelColumns: PivotTable['labelColumns'],
	columns: PivotColumn[],
	sort: string,
	desc: boolean
): PivotLine[] {
	const labelAt = labelColumns.findIndex((c) => c.key === sort);
	const valueAt = columns.findIndex((c) => c.key === sort);
	if (labelAt < 0 && valueAt < 0) return lines;
	const sign = desc ? -1 : 1;
	return [...lines].sort((a, b) => {
		if (labelAt >= 0) return sign * a.labels[labelAt].localeCompare(b.labels[labelAt], 'zh-CN');
		const x = a.cells[valueAt].value;
		const y = b.cells[valueAt].value;
		if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
		return sign * (x - y);
	});
}

/** Words for a mark, said beside its colour (never colour alone). */
export function markText(mark: Mark | null, lang: Lang): string {
	return mark === 'met'
		? t(lang, 'explore.met')
		: mark === 'missed'
			? t(lang, 'explore.missed')
			: '';
}
