import { describe, expect, it } from 'vitest';
import { closingTagIndex } from './xlsx-read';

const byRegex = (xml: string) => xml.search(/<\/(?:[\w.-]+:)?sheetData>/);

describe('finding </sheetData> without a regular expression', () => {
	it.each([
		['<sheetData><row r="1"/></sheetData><mergeCells/>', 23],
		['<x:sheetData></x:sheetData>', 13],
		['<a.b-c_1:sheetData></a.b-c_1:sheetData>', 19],
		['<sheetData/>', -1],
		['</:sheetData></sheetData>', 13],
		['<//sheetData></ sheetData>', -1],
		['sheetData></sheetData>', 10],
		['</x:y:sheetData>', -1],
		['', -1]
	])('%j → %i, as the pattern says', (xml, at) => {
		expect(closingTagIndex(xml, 'sheetData')).toBe(at);
		expect(byRegex(xml)).toBe(at);
	});

	it('agrees with the pattern on 20,000 strings of the pieces that matter', () => {
		const pieces = [
			'<',
			'/',
			'>',
			':',
			'x',
			'.',
			'-',
			'_',
			'9',
			' ',
			'sheetData',
			'sheetData>',
			'</',
			'<x:',
			'é'
		];
		let seed = 7;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let n = 0; n < 20_000; n++) {
			let xml = '';
			const length = Math.floor(next() * 12);
			for (let i = 0; i < length; i++) xml += pieces[Math.floor(next() * pieces.length)];
			expect(closingTagIndex(xml, 'sheetData'), xml).toBe(byRegex(xml));
		}
	});
});
