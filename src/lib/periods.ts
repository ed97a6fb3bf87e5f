/**
 * Months are counted as one integer (year × 12 + month − 1) so that ranges, "same period last
 * year" and "previous period" are plain arithmetic, in SQL as in TypeScript.
 */
export type MonthIndex = number;

export type Granularity = 'month' | 'quarter' | 'half' | 'year' | 'ytd';

export interface Period {
	kind: Granularity;
	year: number;
	/** First and last month of the period, inclusive. */
	from: MonthIndex;
	to: MonthIndex;
	/** Canonical text: 2024, 2024H1, 2024Q2, 2024-05, 2024-05YTD. */
	text: string;
}

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + month - 1;
export const yearOf = (m: MonthIndex) => Math.floor(m / 12);
export const monthOf = (m: MonthIndex) => (m % 12) + 1;
export const monthText = (m: MonthIndex) => `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;

/** Parses the period notation of INTERFACES.md; null when the text is not a period. */
export function parsePeriod(text: string): Period | null {
	const t = text.trim().toUpperCase();
	let m: RegExpMatchArray | null;
	if ((m = t.match(/^(\d{4})$/))) return makePeriod('year', +m[1], 1, 12);
	if ((m = t.match(/^(\d{4})H([12])$/))) return makePeriod('half', +m[1], +m[2] * 6 - 5, +m[2] * 6);
	if ((m = t.match(/^(\d{4})Q([1-4])$/)))
		return makePeriod('quarter', +m[1], +m[2] * 3 - 2, +m[2] * 3);
	if ((m = t.match(/^(\d{4})-(\d{2})(YTD)?$/)) && +m[2] >= 1 && +m[2] <= 12)
		return m[3] ? makePeriod('ytd', +m[1], 1, +m[2]) : makePeriod('month', +m[1], +m[2], +m[2]);
	return null;
}

export function makePeriod(
	kind: Granularity,
	year: number,
	fromMonth: number,
	toMonth: number
): Period {
	const from = monthIndex(year, fromMonth);
	const to = monthIndex(year, toMonth);
	const mm = String(toMonth).padStart(2, '0');
	const text = {
		year: `${year}`,
		half: `${year}H${toMonth / 6}`,
		quarter: `${year}Q${toMonth / 3}`,
		month: `${year}-${mm}`,
		ytd: `${year}-${mm}YTD`
	}[kind];
	return { kind, year, from, to, text };
}

/** The period of the given granularity that contains month m. */
export function periodContaining(kind: Granularity, m: MonthIndex): Period {
	const year = yearOf(m);
	const month = monthOf(m);
	switch (kind) {
		case 'year':
			return makePeriod('year', year, 1, 12);
		case 'half':
			return month <= 6 ? makePeriod('half', year, 1, 6) : makePeriod('half', year, 7, 12);
		case 'quarter': {
			const q = Math.ceil(month / 3);
			return makePeriod('quarter', year, q * 3 - 2, q * 3);
		}
		case 'ytd':
			return makePeriod('ytd', year, 1, month);
		default:
			return makePeriod('month', year, month, month);
	}
}

/** The same period one year earlier (同期). */
export function samePeriodLastYear(p: Period): Period {
	return { ...p, year: p.year - 1, from: p.from - 12, to: p.to - 12, text: shiftText(p, -1) };
}

/** The period of the same kind just before (上期); for YTD, the YTD one month shorter is not meant. */
export function previousPeriod(p: Period): Period {
	if (p.kind === 'ytd') return samePeriodLastYear(p);
	return periodContaining(p.kind, p.from - 1);
}

function shiftText(p: Period, years: number): string {
	return p.text.replace(/^\d{4}/, String(p.year + years));
}

/**
 * Parses a report's month cell: 2024-03, 2024-3, 2024/03, 2024.03, 202403, 2024年3月 (月 optional).
 * Returns null when it is none of these or the month is out of range.
 */
export function parseReportMonth(text: string): MonthIndex | null {
	const t = text.normalize('NFKC').trim();
	const m =
		t.match(/^(\d{4})\s*[-/.]\s*(\d{1,2})$/) ??
		t.match(/^(\d{4})(\d{2})$/) ??
		t.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月?$/);
	if (!m) return null;
	const year = +m[1];
	const month = +m[2];
	if (month < 1 || month > 12 || year < 1949 || year > 2200) return null;
	return monthIndex(year, month);
}

/** Days since 1970-01-01 (DuckDB's DATE epoch). */
export type DayNumber = number;

export function dayNumber(year: number, month: number, day: number): DayNumber {
	return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function dayText(d: DayNumber): string {
	return new Date(d * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Parses a date cell: 2024-04-02, 2024/4/2, 2024.4.2, 20240402, 2024年4月2日. Null when it is
 * none of these or not a real calendar day (2024-02-30).
 */
export function parseDay(text: string): DayNumber | null {
	const t = /^[\x20-\x7e]*$/.test(text) ? text.trim() : text.normalize('NFKC').trim();
	const m =
		t.match(/^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/) ??
		t.match(/^(\d{4})(\d{2})(\d{2})$/) ??
		t.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/);
	if (!m) return null;
	const [y, mo, d] = [+m[1], +m[2], +m[3]];
	if (y < 1949 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
	return dayNumber(y, mo, d);
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** First day of month m as a day number. */
export const monthStartDay = (m: MonthIndex): DayNumber => dayNumber(yearOf(m), monthOf(m), 1);
