import { describe, expect, it } from 'vitest';
import { displayWidth, pad } from './text-width';

describe('display width in a terminal', () => {
	const cases: [name: string, text: string, width: number][] = [
		['ASCII is one column a character', 'abc 12', 6],
		['汉字 are two columns', '城关镇', 6],
		['full-width punctuation is two', '（第 5 名）', 11],
		['mixed text adds up', '黄牌 yellow', 11],
		['CJK extension B is two', '𠀀', 2],
		['combining marks take none', 'e\u0301', 1],
		['zero-width joiners take none', 'a\u200db', 2],
		['the empty string is zero', '', 0]
	];
	it.each(cases)('%s', (_name, text, width) => {
		expect(displayWidth(text)).toBe(width);
	});

	it('pads to columns, left for text and right for numbers', () => {
		expect(pad('城关镇', 8)).toBe('城关镇  ');
		expect(pad('85.2', 6, 'right')).toBe('  85.2');
		expect(pad('太长的名字', 4)).toBe('太长的名字');
	});
});
