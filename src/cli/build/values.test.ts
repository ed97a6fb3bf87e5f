import { describe, expect, it } from 'vitest';
import { INVALID, parseCount, parseMoney } from './values';

describe('parseCount', () => {
	const cases: [string, string | null, number | null | typeof INVALID][] = [
		['empty means not reported', '', null],
		['null cell', null, null],
		['whitespace only', '  ', null],
		['integer', '12', 12],
		['zero is a value, not empty', '0', 0],
		['Excel float of an integer', '12.0', 12],
		['thousands separators', '20,405', 20405],
		['full-width digits', '１２', 12],
		['fraction', '12.5', INVALID],
		['negative', '-3', INVALID],
		['text', '十二', INVALID],
		['wrong grouping', '1,23', INVALID],
		['beyond INTEGER', '99999999999', INVALID]
	];
	it.each(cases)('%s', (_n, text, expected) => expect(parseCount(text)).toBe(expected));
});

describe('parseMoney', () => {
	const cases: [string, string, number | null | typeof INVALID][] = [
		['yuan', '5000', 5000],
		['jiao and fen', '2500.55', 2500.55],
		['grouped', '54,100.5', 54100.5],
		['three decimals', '1.005', INVALID],
		['negative', '-1', INVALID],
		['empty', '', null]
	];
	it.each(cases)('%s', (_n, text, expected) => expect(parseMoney(text)).toBe(expected));
});
