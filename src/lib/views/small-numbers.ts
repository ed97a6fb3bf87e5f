import type { Indicator } from '../config/catalog-schema';
import { t, type Lang } from '../i18n';
import { formatMonthName } from '../format';
import type { IndicatorRow } from '../query/types';
import { SMALL_COUNT, wilsonInterval } from '../stats/wilson';

/**
 * A rate resting on fewer than 20 events, with its 95% Wilson interval on the indicator's own
 * scale: event proportions (n = the denominator) and the sex ratio (n = boys + girls, the
 * interval of the share of boys turned back into a ratio). Money, task completion and rates per
 * mean population are not counts of events: null.
 */
export function smallNumbers(
	row: Pick<IndicatorRow, 'numerator' | 'denominator'>,
	indicator: Indicator,
	/** The denominator is money (fee collection): yuan are not events. */
	moneyDenominator = false
): { events: number; interval: [number, number] | null } | null {
	const f = indicator.formula;
	if (f.kind !== 'ratio' || row.numerator === null || row.denominator === null) return null;
	if (moneyDenominator) return null;
	if (!('sum' in f.denominator) || !('sum' in f.numerator)) return null;
	if (indicator.unit === 'ratio') {
		const n = row.numerator + row.denominator;
		if (n >= SMALL_COUNT || n === 0) return null;
		const [lo, hi] = wilsonInterval(row.numerator, n);
		const ratio = (q: number) => (q >= 1 ? Infinity : (f.scale * q) / (1 - q));
		return { events: n, interval: [ratio(lo), ratio(hi)] };
	}
	if (indicator.unit !== 'percent') return null;
	const n = row.denominator;
	if (n >= SMALL_COUNT || n === 0 || !Number.isInteger(n)) return null;
	const [lo, hi] = wilsonInterval(row.numerator, n);
	return { events: n, interval: [lo * f.scale, hi * f.scale] };
}

/**
 * "1-6月累计" on a flow figure summed over several months (and task completion, summed from
 * January), "年化" on an annualised one; nothing for one month or a month-end stock.
 */
export function cumulativeLabel(
	row: Pick<IndicatorRow, 'period_from' | 'last_month' | 'months' | 'annualised'>,
	indicator: Indicator,
	lang: Lang
): string {
	if (row.annualised) return t(lang, 'tile.annualised');
	const f = indicator.formula;
	const ytd = f.kind === 'ratio' && f.year_to_date;
	const stock = f.kind === 'ratio' && 'end' in f.numerator;
	if (stock || (!ytd && row.months <= 1)) return '';
	const first = ytd ? row.last_month - (row.last_month % 12) : row.period_from;
	if (first === row.last_month) return '';
	const months =
		lang === 'zh'
			? `${formatMonthName(first, lang).replace(/月$/, '')}-${formatMonthName(row.last_month, lang)}`
			: `${formatMonthName(first, lang)}–${formatMonthName(row.last_month, lang)}`;
	return t(lang, 'tile.cumulative', { months });
}
