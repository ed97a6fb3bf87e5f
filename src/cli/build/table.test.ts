import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from './table';

const csv = (text: string) => readTable(new TextEncoder().encode(text), 'csv');

describe('whether a CSV can hold U+FFFD (cells are then not searched for it)', () => {
	it('is clear for clean UTF-8 and GBK text, quoted fields and CRLF', () => {
		expect(csv('code,period\r\n"990101001001","2024-03"\r\n').noReplacement).toBe(true);
		const gbk = readTable(iconv.encode('单位代码,月份\n990101001001,2024年3月\n', 'gbk'), 'csv');
		expect(gbk.encoding).toBe('gb18030');
		expect(gbk.noReplacement).toBe(true);
	});

	it('is not when a byte could not be decoded or the text holds U+FFFD itself', () => {
		const bad = readTable(Uint8Array.from([...new TextEncoder().encode('code,period\n'), 0xff, 0x2c, 0x31, 0x0a]), 'csv');
		expect(bad.rows[1].cells[0]).toContain('\uFFFD');
		expect(bad.noReplacement).toBe(false);
		expect(csv('code,period\n\uFFFD,2024-03\n').noReplacement).toBe(false);
	});
});
