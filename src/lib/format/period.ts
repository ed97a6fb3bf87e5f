import type { Lang } from '../i18n';
import { t } from '../i18n';
import { monthOf, parsePeriod, yearOf, type MonthIndex } from '../periods';
import type { IndicatorRow } from '../query/types';

const enMonths = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];
const zhQuarters = ['一', '二', '三', '四'];

/** 6月 / Jun */
export const formatMonthName = (m: MonthIndex, lang: Lang) =>
	lang === 'zh' ? `${monthOf(m)}月` : enMonths[monthOf(m) - 1];

/** 2024年3月 / Mar 2024 */
export const formatMonth = (m: MonthIndex, lang: Lang) =>
	lang === 'zh' ? `${yearOf(m)}年${monthOf(m)}月` : `${enMonths[monthOf(m) - 1]} ${yearOf(m)}`;

/** 2019年1月至2024年12月 / Jan 2019 – Dec 2024; one month alone is that month. */
export function formatMonthRange(from: MonthIndex, to: MonthIndex, lang: Lang): string {
	if (from === to) return formatMonth(from, lang);
	return lang === 'zh'
		? `${formatMonth(from, lang)}至${formatMonth(to, lang)}`
		: `${formatMonth(from, lang)} – ${formatMonth(to, lang)}`;
}

/** A date and time in the reader's clock: 2026年12月3日 06:29 / 3 Dec 2026 06:29. */
export function formatDateTime(date: Date, lang: Lang): string {
	const two = (n: number) => String(n).padStart(2, '0');
	const time = `${two(date.getHours())}:${two(date.getMinutes())}`;
	const [y, m, d] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
	return lang === 'zh' ? `${y}年${m}月${d}日 ${time}` : `${d} ${enMonths[m - 1]} ${y} ${time}`;
}

/**
 * A period key in words: 2024年 · 2024年上半年 · 2024年第一季度 · 2024年3月 · 2024年1-5月 (YTD) and
 * 2024 · H1 2024 · Q1 2024 · Mar 2024 · Jan–May 2024. January to December is the year, written
 * as the year (never 2024年1-12月 on one page and 2024年 on another). A key that is not a period
 * comes back as is.
 */
export function formatPeriodKey(key: string, lang: Lang): string {
	const p = parsePeriod(key);
	if (!p) return key;
	const y = p.year;
	const zhMode = lang === 'zh';
	switch (p.kind) {
		case 'year':
			return zhMode ? `${y}年` : `${y}`;
		case 'half': {
			const h = monthOf(p.from) === 1 ? 1 : 2;
			return zhMode ? `${y}年${h === 1 ? '上' : '下'}半年` : `H${h} ${y}`;
		}
		case 'quarter': {
			const q = Math.ceil(monthOf(p.to) / 3);
			return zhMode ? `${y}年第${zhQuarters[q - 1]}季度` : `Q${q} ${y}`;
		}
		case 'month':
			return formatMonth(p.to, lang);
		case 'ytd': {
			const last = monthOf(p.to);
			if (last === 1) return formatMonth(p.to, lang);
			if (last === 12) return zhMode ? `${y}年` : `${y}`;
			return zhMode ? `${y}年1-${last}月` : `Jan–${enMonths[last - 1]} ${y}`;
		}
	}
}

/**
 * The label of a category axis: the same words as everywhere else (a compact 2024Q1 on the axis
 * beside 2024年第一季度 in the tooltip read as two different things); the axis hides labels
 * that would overlap, and the tooltip names every point.
 */
export const formatPeriodAxis = (key: string, lang: Lang): string => formatPeriodKey(key, lang);

type PartialRow = Pick<IndicatorRow, 'period_from' | 'period_to' | 'months' | 'last_month'>;

/**
 * 截至6月 / to Jun when the data of a bucket ends before the bucket does (a year still under
 * way); 缺2个月数据 when months are missing inside it; empty when the bucket is complete.
 */
export function formatPartial(row: PartialRow, lang: Lang): string {
	const length = row.period_to - row.period_from + 1;
	if (!(row.months > 0) || row.months >= length || row.last_month == null) return '';
	if (row.last_month < row.period_to)
		return t(lang, 'period.asOf', { month: formatMonthName(row.last_month, lang) });
	return t(lang, 'period.monthsMissing', { n: length - row.months });
}
