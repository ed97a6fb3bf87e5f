import { monthIndex, parseDay, parseReportMonth, type MonthIndex } from '../../lib/periods';
import { serialToIso } from '../io/xlsx-text';

// Excel serials of 1949-01-01 and 2173-10-14: five digits, the only serials a report month can be.
const SERIAL = /^(\d{5})(?:\.0+)?$/;
const TIME_OF_DAY = /^(.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A report's 月份 cell. Besides the month forms of parseReportMonth, a date names its month
 * unambiguously whatever the day — a sheet that formats 月份 as a date holds 2024-01-01, and
 * some offices type the day they filled in (2024/1/25) — so any day of a month is read as that
 * month: the date itself, with a time of day (2024-01-01 00:00:00, as database exports write
 * it), or the Excel serial number a General-formatted date cell shows (45292).
 */
export function parseMonthCell(text: string): MonthIndex | null {
	const month = parseReportMonth(text);
	if (month !== null) return month;
	const t = text.normalize('NFKC').trim();
	const day = parseDay(TIME_OF_DAY.exec(t)?.[1] ?? t);
	if (day !== null) {
		const d = new Date(day * 86_400_000);
		return monthIndex(d.getUTCFullYear(), d.getUTCMonth() + 1);
	}
	const serial = SERIAL.exec(t);
	if (serial && +serial[1] >= 17899) {
		const iso = serialToIso(+serial[1], 2, false);
		return iso === null ? null : parseReportMonth(iso);
	}
	return null;
}
