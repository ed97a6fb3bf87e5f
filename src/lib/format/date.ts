import type { Lang } from '../i18n';

const enMonths = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * A calendar day: 2024年3月5日 / 5 Mar 2024. A `YYYY-MM-DD` string is read as written (the
 * manifest's build day is already the county's); a Date is read in the browser's own time zone,
 * which is the county's for whoever prints the page.
 */
export function formatDate(day: string | Date, lang: Lang): string {
	const [y, m, d] =
		typeof day === 'string'
			? day.split('-').map(Number)
			: [day.getFullYear(), day.getMonth() + 1, day.getDate()];
	if (![y, m, d].every(Number.isInteger)) return String(day);
	return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${enMonths[m - 1]} ${y}`;
}
