/**
 * The one quoting helper of the project. Every name and value that reaches SQL text goes through
 * here, so that unit names such as `O'Brien"; DROP TABLE units; --` stay data. There is no
 * unquoted fast path: a name that happens to be a keyword today may not be one tomorrow.
 */

export type SqlValue = string | number | boolean | null | bigint;

/** A double-quoted identifier: `na"me` → `"na""me"`. */
export function ident(name: string): string {
	if (typeof name !== 'string')
		throw new TypeError(`identifier must be a string, got ${typeof name}`);
	if (name === '') throw new Error('identifier must not be empty');
	checkText(name, 'identifier');
	return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL literal for a JavaScript value; strings are single-quoted with quotes doubled. */
export function literal(value: SqlValue): string {
	if (value === null) return 'NULL';
	switch (typeof value) {
		case 'boolean':
			return value ? 'TRUE' : 'FALSE';
		case 'bigint':
			return signed(value < 0n, value.toString());
		case 'number':
			if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL literal`);
			// -0 would print as 0 anyway; String() gives the shortest text that reads back exactly
			return signed(value < 0, String(value));
		case 'string':
			checkText(value, 'string literal');
			return `'${value.replaceAll("'", "''")}'`;
		default:
			throw new TypeError(`cannot write a ${typeof value} as a SQL literal`);
	}
}

/** `('a', 'b')` for `IN`; an empty list is a caller's decision (`FALSE`?), so it throws. */
export function literalList(values: readonly SqlValue[]): string {
	if (values.length === 0) throw new Error('literalList needs at least one value');
	return `(${values.map(literal).join(', ')})`;
}

/** `DATE '2024-03-01'` from `2024-03-01`, or from `2024-03` (the first day of that month). */
export function dateLiteral(dayOrMonth: string): string {
	const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(dayOrMonth);
	if (!m) throw new Error(`not a date (YYYY-MM-DD or YYYY-MM): ${JSON.stringify(dayOrMonth)}`);
	const text = `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
	const parsed = new Date(`${text}T00:00:00Z`);
	// Date.parse accepts 2024-02-30 by rolling over; a real calendar day prints back unchanged
	if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text)
		throw new Error(`not a calendar day: ${JSON.stringify(dayOrMonth)}`);
	return `DATE '${text}'`;
}

// A leading minus right after another minus would open a `--` comment: `x -${literal(-1)}`.
function signed(negative: boolean, text: string): string {
	return negative ? `(${text})` : text;
}

function checkText(text: string, what: string): void {
	// DuckDB's C API reads SQL as a NUL-terminated string: everything after a NUL would vanish
	if (text.includes('\0')) throw new Error(`${what} must not contain NUL`);
	// lone surrogates cannot be encoded as UTF-8 and would silently become U+FFFD
	if (!text.isWellFormed()) throw new Error(`${what} is not well-formed Unicode`);
}
