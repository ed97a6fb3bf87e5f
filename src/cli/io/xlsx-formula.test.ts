import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError } from './xlsx-formula';

// Row 5: C5 = 2, D5 = 3, E5 empty, F5 = 4.
const row: (number | null)[] = [null, null, 2, 3, null, 4];
const value = (col: number) => row[col] ?? null;
const calc = (f: string) => evaluateFormula(f, 5, value);

describe('formulas without a stored result', () => {
	it.each([
		['C5+D5', 5],
		['=C5+D5*F5', 14],
		['(C5+D5)*F5', 20],
		['SUM(C5:F5)', 9],
		['sum(F5:C5)', 9],
		['SUM(C5,D5,10)', 15],
		['$C$5-D5', -1],
		['F5/C5', 2],
		['E5+1', 1],
		['-C5+10', 8],
		['SUM(C5:D5)-SUM(F5)', 1]
	])('%s = %d', (f, v) => expect(calc(f)).toBe(v));

	it.each([
		'C4+D5',
		'AVERAGE(C5:D5)',
		'C5^2',
		'C5/E5',
		'Sheet2!C5',
		'C5+',
		'C5 D5',
		'"a"&C5',
		'SUM(C5:D6)',
		'IF(C5>1,1,0)'
	])('%s is refused', (f) => expect(() => calc(f)).toThrow(FormulaError));
});
