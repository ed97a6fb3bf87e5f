/** Parsed cell: a value, empty ("not reported", never zero), or invalid. */
export type Parsed = number | null | typeof INVALID;
export const INVALID = Symbol('invalid');

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

// Most cells are plain ASCII digits; NFKC (for full-width digits) costs more than the rest of
// the validation of a province's three million rows together.
const PLAIN = /^[\x21-\x7e]*$/;

function clean(text: string): string {
	return PLAIN.test(text) ? text : text.normalize('NFKC').trim();
}

function isDigits(t: string): boolean {
	for (let i = 0; i < t.length; i++) {
		const c = t.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

/** A count: a non-negative integer; "12.0" and "1,234" as Excel writes them are accepted. */
export function parseCount(text: string | null): Parsed {
	if (text === null) return null;
	if (text.length > 0 && text.length < 10 && isDigits(text)) return +text;
	let t = clean(text);
	if (t === '') return null;
	if (GROUPED.test(t)) t = t.replace(/,/g, '');
	if (!/^\d+(\.0+)?$/.test(t)) return INVALID;
	const n = Number(t);
	return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : INVALID;
}

/** An amount in yuan: non-negative, at most two decimals (fen). */
export function parseMoney(text: string | null): Parsed {
	if (text === null) return null;
	let t = clean(text);
	if (t === '') return null;
	if (GROUPED.test(t)) t = t.replace(/,/g, '');
	if (!/^\d+(\.\d{1,2})?$/.test(t)) return INVALID;
	const n = Number(t);
	return n <= 1e15 ? n : INVALID;
}

export function normalizeCode(text: string | null): string {
	return text === null ? '' : clean(text);
}
