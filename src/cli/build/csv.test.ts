import { describe, expect, it } from 'vitest';
import { csvExport } from '../../lib/format/text';
import { parseCsv, sniffDelimiter } from './csv';

const parse = (t: string) => [...parseCsv(t)].map((r) => [r.line, r.fields] as const);

describe('parseCsv', () => {
	const cases: [string, string, (readonly [number, string[]])[]][] = [
		['plain LF', 'a,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
		['CRLF without final newline', 'a,b\r\n1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
		['old Mac CR', 'a,b\r1,2\r', [[1, ['a', 'b']], [2, ['1', '2']]]],
		['quoted comma and doubled quote', '"x, ""y""",z\n', [[1, ['x, "y"', 'z']]]],
		['quoted line break keeps later line numbers right', '"a\nb",c\nd,e\n', [[1, ['a\nb', 'c']], [3, ['d', 'e']]]],
		['empty fields', ',,\n', [[1, ['', '', '']]]],
		['blank line is a record with one empty field', 'a\n\nb\n', [[1, ['a']], [2, ['']], [3, ['b']]]],
		['stray quote inside an unquoted field is text', 'ab"c,d\n', [[1, ['ab"c', 'd']]]],
		['unterminated quote runs to the end', '"abc\n', [[1, ['abc\n']]]]
	];
	it.each(cases)('%s', (_name, text, expected) => expect(parse(text)).toEqual(expected));

	it('reads tab-separated exports', () => {
		expect(sniffDelimiter('单位代码\t月份\n')).toBe('\t');
		expect(parse('a\tb\n1\t2\n')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
	});
});

describe('the CSV writer (src/lib/format/text.ts) and this reader', () => {
	it('round-trip quoted fields', () => {
		const fields = ['plain', 'a,b', 'say "hi"', 'two\nlines', null, 12];
		const line = csvExport(['h'], [fields]).slice(1).slice(3);
		expect(line).toBe('plain,"a,b","say ""hi""","two\nlines",,12\r\n');
		expect([...parseCsv(line)][0].fields).toEqual(['plain', 'a,b', 'say "hi"', 'two\nlines', '', '12']);
	});
});
