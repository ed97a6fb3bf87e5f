import { describe, expect, it } from 'vitest';
import { csvExport, escapeHtml, joinRemarks, paren } from './text';

describe('escapeHtml', () => {
	it.each([
		['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
		[`"O'Brien" & co`, '&quot;O&#39;Brien&quot; &amp; co'],
		['城关镇', '城关镇'],
		['&amp;', '&amp;amp;']
	])('%s → %s', (s, html) => expect(escapeHtml(s)).toBe(html));
});

describe('csvExport', () => {
	it('starts with a BOM, ends lines with CRLF, quotes only where needed', () => {
		const csv = csvExport(
			['单位', '时期', '政策符合率'],
			[
				['城关镇', '2024年1-5月', 92.4],
				['东 "新" 村, 二组', null, null],
				['多行\n名称', '', 0]
			]
		);
		expect(csv).toBe(
			'\uFEFF单位,时期,政策符合率\r\n' +
				'城关镇,2024年1-5月,92.4\r\n' +
				'"东 ""新"" 村, 二组",,\r\n' +
				'"多行\n名称",,0\r\n'
		);
	});

	it.each<[string | number, string]>([
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+86 123', "'+86 123"],
		// a plain signed number is a number to Excel, not a formula: kept, so values round-trip
		['-5', '-5'],
		['+3.5', '+3.5'],
		['-2+3', "'-2+3"],
		['-cmd', "'-cmd"],
		["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		[-5, '-5'],
		[-1.25, '-1.25'],
		[-0, '0'],
		[NaN, ''],
		['a=b', 'a=b']
	])('cell %j → %s', (cell, text) => {
		expect(csvExport(['h'], [[cell]])).toBe(`\uFEFFh\r\n${text}\r\n`);
	});
});

describe('brackets and lists of remarks', () => {
	it('writes full-width brackets and ；only in Chinese', () => {
		expect(paren('暂定', 'zh')).toBe('（暂定）');
		expect(paren('provisional', 'en')).toBe(' (provisional)');
		expect(joinRemarks(['甲', '乙'], 'zh')).toBe('甲；乙');
		expect(joinRemarks(['a', 'b'], 'en')).toBe('a; b');
	});
});
