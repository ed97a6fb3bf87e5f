import { daysInMonth, dayNumber, monthIndex, type DayNumber, type MonthIndex } from '../../lib/periods';

/**
 * Fast paths for the month and date cells almost every row holds in one form (2024-03 or
 * 2024年3月, and 2024-04-02): read by character codes, without NFKC, regular expressions or match arrays. Each
 * returns null for anything else — another form, a full-width digit, a space, an impossible
 * month or day — and the caller then applies the full rules (parseMonthCell, parseDay), which
 * alone decide what is valid and word the error. A value returned here is exactly theirs.
 */

const YEAR_SIGN = 0x5e74; // 年
const MONTH_SIGN = 0x6708; // 月

/**
 * `YYYY-MM`, or `YYYY年M月` / `YYYY年MM月` as spreadsheets are typed, with a real month and a
 * year the full rules accept, else null.
 */
export function plainMonth(text: string): MonthIndex | null {
	let month: number;
	if (text.length === 7 && text.charCodeAt(4) === 45) month = digits(text, 5, 7);
	else if ((text.length === 7 || text.length === 8) && text.charCodeAt(4) === YEAR_SIGN && text.charCodeAt(text.length - 1) === MONTH_SIGN)
		month = digits(text, 5, text.length - 1);
	else return null;
	const year = digits(text, 0, 4);
	if (year < 1949 || year > 2200 || month < 1 || month > 12) return null;
	return monthIndex(year, month);
}

/** `YYYY-MM-DD` naming a real calendar day in a year the full rules accept, else null. */
export function plainDay(text: string): DayNumber | null {
	if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
	const year = digits(text, 0, 4);
	const month = digits(text, 5, 7);
	const day = digits(text, 8, 10);
	if (year < 1949 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
	if (day > daysInMonth(year, month)) return null;
	return dayNumber(year, month, day);
}

/** The ASCII digits text[from..to) as a number, or -1 when any is not a digit. */
function digits(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		n = n * 10 + d;
	}
	return n;
}
