/**
 * Formulas saved without a result (openpyxl and other generators write `<f>` and no `<v>`):
 * Excel would compute them on opening, so we compute the simple ones a report uses — + − * /,
 * parentheses, numbers, cells of the same row and SUM over a range or list of the same row.
 * Anything else is refused: guessing would publish a number nobody typed or saw.
 */

/** A cell's value for a formula: its number, null when empty (Excel counts it as 0). */
export type CellLookup = (col: number) => number | null;

export class FormulaError extends Error {}

const TOKEN =
	/\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)|(\$?[A-Za-z]{1,3}\$?\d+)|([A-Za-z][A-Za-z0-9.]*)\s*\(|([-+*/(),:]))/y;

type Token = { num: number } | { ref: number } | { fn: string } | { op: string };

function tokenize(text: string, line: number): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const src = text.replace(/^\s*=/, '').trimEnd();
	while (i < src.length) {
		TOKEN.lastIndex = i;
		const m = TOKEN.exec(src);
		if (!m) throw new FormulaError(`unsupported: ${src.slice(i, i + 12)}`);
		i = TOKEN.lastIndex;
		if (m[1] !== undefined) tokens.push({ num: Number(m[1]) });
		else if (m[2] !== undefined) tokens.push({ ref: refColumn(m[2], line) });
		else if (m[3] !== undefined) tokens.push({ fn: m[3].toUpperCase() });
		else tokens.push({ op: m[4] });
	}
	return tokens;
}

function refColumn(ref: string, line: number): number {
	const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref)!;
	if (Number(m[2]) !== line) throw new FormulaError(`${ref} is on another row`);
	let n = 0;
	for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

/** Evaluates one formula of sheet row `line`; throws FormulaError when it is not supported. */
export function evaluateFormula(text: string, line: number, value: CellLookup): number {
	const tokens = tokenize(text, line);
	let k = 0;
	const peekOp = () => {
		const t = tokens[k];
		return t && 'op' in t ? t.op : null;
	};
	const expect = (op: string) => {
		if (peekOp() !== op) throw new FormulaError(`expected "${op}"`);
		k++;
	};
	const cell = (col: number) => value(col) ?? 0;
	const sumArgs = (): number => {
		let total = 0;
		for (;;) {
			const t = tokens[k];
			const next = tokens[k + 1];
			if (t && 'ref' in t && next && 'op' in next && next.op === ':') {
				const end = tokens[k + 2];
				if (!end || !('ref' in end)) throw new FormulaError('bad range');
				k += 3;
				for (let c = Math.min(t.ref, end.ref); c <= Math.max(t.ref, end.ref); c++)
					total += value(c) ?? 0;
			} else total += expr();
			if (peekOp() !== ',') return total;
			k++;
		}
	};
	const factor = (): number => {
		const t = tokens[k++];
		if (!t) throw new FormulaError('incomplete');
		if ('num' in t) return t.num;
		if ('ref' in t) return cell(t.ref);
		if ('fn' in t) {
			if (t.fn !== 'SUM') throw new FormulaError(`function ${t.fn}`);
			const v = sumArgs();
			expect(')');
			return v;
		}
		if (t.op === '(') {
			const v = expr();
			expect(')');
			return v;
		}
		if (t.op === '-') return -factor();
		if (t.op === '+') return factor();
		throw new FormulaError(`unexpected "${t.op}"`);
	};
	const term = (): number => {
		let v = factor();
		for (let op = peekOp(); op === '*' || op === '/'; op = peekOp()) {
			k++;
			const r = factor();
			if (op === '/' && r === 0) throw new FormulaError('division by zero');
			v = op === '*' ? v * r : v / r;
		}
		return v;
	};
	function expr(): number {
		let v = term();
		for (let op = peekOp(); op === '+' || op === '-'; op = peekOp()) {
			k++;
			v = op === '+' ? v + term() : v - term();
		}
		return v;
	}
	const result = expr();
	if (k !== tokens.length) throw new FormulaError('unexpected text after the formula');
	if (!Number.isFinite(result)) throw new FormulaError('not a finite number');
	return result;
}
