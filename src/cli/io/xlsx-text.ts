/**
 * Text of spreadsheet cells: Excel's date serials and number formats, number text as typed,
 * XML entities and Excel's _xHHHH_ escapes. Split from xlsx-read.ts, which parses the parts.
 */
/** 0: not a date; 1: show the day (YYYY-MM-DD); 2: month only (YYYY-MM). */
export type DateKind = 0 | 1 | 2;

// Built-in ids carry no format code in the file, and 27–58 depend on the locale Excel ran in;
// these are the zh-CN meanings, the locale county files come from. Time-only ids (18–21, 32–35,
// 45–47, 55–56) are left out on purpose: a time of day is not a date, so it stays a number.
// prettier-ignore
const BUILTIN_DATES = new Map<number, DateKind>([
	[14, 1], [15, 1], [16, 1], [17, 2], [22, 1], [27, 2], [28, 1], [29, 1], [30, 1], [31, 1],
	[36, 2], [50, 2], [51, 1], [52, 2], [53, 1], [54, 1], [57, 2], [58, 1]
]);

export function classifyNumFmt(id: number, code: string | undefined): DateKind {
	if (code === undefined) return BUILTIN_DATES.get(id) ?? 0;
	// Literal text ("年", \-), fill/padding (*x, _x), and [colour]/[$-804]/[h] sections say
	// nothing about whether the value is a date, and may contain letters that would mislead.
	const s = code
		.replace(/"[^"]*"|\\.|[_*]./g, '')
		.replace(/\[[^\]]*\]/g, '')
		.split(';')[0]
		.toLowerCase()
		.replace(/general|am\/pm|a\/p|上午\/下午/g, '');
	if (/[d日]/.test(s)) return 1;
	if (/[y年月]/.test(s)) return 2;
	// A bare "m" is a minute next to h or s, and a month otherwise.
	return /m/.test(s) && !/[hs]/.test(s) ? 2 : 0;
}

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel serial day number to ISO text, or null when no calendar date matches it. */
export function serialToIso(serial: number, kind: DateKind, date1904: boolean): string | null {
	if (!(serial >= 0 && serial < 2958466)) return null; // 9999-12-31 is Excel's last day
	// Round to the second first: Excel shows 45000.99999999 as the next midnight, not 23:59:59.
	const days = Math.floor(Math.round(serial * 86400) / 86400);
	// Lotus 1-2-3 counted 1900 as a leap year and Excel kept serial 60 as 1900-02-29, so every
	// later serial is one day ahead of the real calendar. Report 60 the way Excel displays it;
	// serial 0 is shown as "1900-01-00", which no calendar has.
	if (!date1904 && days === 60) return kind === 2 ? '1900-02' : '1900-02-29';
	if (!date1904 && days === 0) return null;
	const ms = date1904 ? EPOCH_1904 + days * DAY_MS : EPOCH_1900 + (days - +(days > 60)) * DAY_MS;
	const iso = new Date(ms).toISOString();
	return kind === 2 ? iso.slice(0, 7) : iso.slice(0, 10);
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
// Canonical decimal text of at most 15 significant digits already reads as typed.
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** Number text as a person would have typed it: 12 not 12.0, 0.3 not 0.30000000000000004. */
export function numberText(raw: string): string {
	if (raw.length <= 15 && CANONICAL.test(raw)) return raw;
	if (!NUMBER.test(raw)) return raw;
	// Excel itself keeps 15 significant digits; anything past that is binary float noise.
	const n = Number(raw);
	if (!Number.isFinite(n)) return raw;
	const s = String(Number(n.toPrecision(15)));
	const m = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(s);
	if (!m) return s;
	const digits = m[2] + (m[3] ?? '');
	const exp = Number(m[4]);
	if (exp < -30 || exp > 30) return s;
	if (exp < 0) return `${m[1]}0.${'0'.repeat(-exp - 1)}${digits}`;
	return m[1] + digits + '0'.repeat(exp - digits.length + 1);
}

const utf8 = new TextDecoder('utf-8');

/** Parts are UTF-8 in practice; a UTF-16 BOM is the only other encoding XML allows to go unlabelled. */
export function decodeText(b: Uint8Array): string {
	if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
	if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
	return utf8.decode(b);
}

// prettier-ignore
const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/** Decodes XML entities and, for cell text, Excel's _xHHHH_ escapes (used for control chars). */
export function decodeXml(s: string, excelEscapes = false): string {
	let out = s;
	if (out.includes('&'))
		out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
			if (e[0] !== '#') return NAMED.get(e) ?? all;
			const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
			return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
				? String.fromCodePoint(code)
				: '\ufffd';
		});
	// One left-to-right pass, so "_x005F_x000D_" (an escaped underscore) stays "_x000D_" literally.
	if (excelEscapes && out.includes('_x'))
		out = out.replace(/_x([0-9a-f]{4})_/gi, (_all, h: string) =>
			String.fromCharCode(parseInt(h, 16))
		);
	return out;
}
