import type { TrendSeries } from '../charts/types';
import type { Indicator } from '../config/catalog-schema';
import { formatPeriodKey, type AmountKind } from '../format';
import { t, type Lang } from '../i18n';
import type { IndicatorRow } from '../query/types';
import { textColumn, type ColumnStyle, type ExportTable } from './table-export';

export interface TrendTableExport {
	series: TrendSeries[];
	indicator: Indicator;
	valueHeader: string;
	numeratorLabel: string;
	denominatorLabel: string | null;
	amounts: { numerator: AmountKind; denominator: AmountKind };
	title: string;
	/** The remark column of a row, as the screen shows it. */
	note: (r: IndicatorRow) => string;
}

const amountStyle = (kind: AmountKind): ColumnStyle =>
	kind === 'money' ? { kind: 'yuan' } : { kind: 'quantity' };

/**
 * The trends table as a file: one line per unit and period with the value, the counts it is the
 * ratio of and the coverage (months, unit-months used of those due) — a rate never travels
 * without them.
 */
export function trendTableExport(x: TrendTableExport, lang: Lang): ExportTable {
	const quantity = (header: string) => ({ header, style: { kind: 'quantity' } as const });
	return {
		view: t(lang, 'nav.trends'),
		title: x.title,
		columns: [
			textColumn(t(lang, 'table.code')),
			textColumn(t(lang, 'table.unit')),
			textColumn(t(lang, 'table.period')),
			{
				header: x.valueHeader,
				style: { kind: x.indicator.unit, decimals: x.indicator.decimals }
			},
			{ header: x.numeratorLabel, style: amountStyle(x.amounts.numerator) },
			{ header: x.denominatorLabel ?? '', style: amountStyle(x.amounts.denominator) },
			quantity(t(lang, 'table.months')),
			quantity(t(lang, 'table.used')),
			quantity(t(lang, 'table.due')),
			textColumn(t(lang, 'table.note'))
		],
		rows: x.series.flatMap((s) =>
			s.rows.map((r) => [
				s.code,
				s.name,
				formatPeriodKey(r.period_key, lang),
				r.value,
				r.numerator,
				r.denominator,
				r.months,
				r.used,
				r.due,
				x.note(r)
			])
		)
	};
}
