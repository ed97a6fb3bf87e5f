import { dayNumber, type DayNumber } from '../../lib/periods';

/** Counties report on Beijing time: a build at 07:30 on 2 May is on 2 May, not 1 May (UTC). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar day of `now` in `timeZone`, as a day number. */
export function localDay(now: Date, timeZone: string): DayNumber {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		}).formatToParts(now);
	} catch {
		throw new Error(`unknown time zone "${timeZone}" (e.g. Asia/Shanghai, Asia/Urumqi)`);
	}
	const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
	return dayNumber(get('year'), get('month'), get('day'));
}
