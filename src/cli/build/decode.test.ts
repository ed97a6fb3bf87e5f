import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, REPLACEMENT } from './decode';

const text = '单位代码,月份,出生人数（男）\r\n990999001201,2024年3月,2\r\n';
const bytes = (b: Buffer | Uint8Array) => new Uint8Array(b);

describe('decodeText', () => {
	const cases: [string, Uint8Array, string][] = [
		['UTF-8 without BOM', bytes(Buffer.from(text, 'utf8')), 'utf-8'],
		['UTF-8 with BOM', bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), 'utf-8-bom'],
		['GBK', bytes(iconv.encode(text, 'gbk')), 'gb18030'],
		['GB18030', bytes(iconv.encode(text, 'gb18030')), 'gb18030'],
		['UTF-16LE with BOM (Excel Unicode text)', bytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), 'utf-16le']
	];
	it.each(cases)('%s decodes to the same text', (_name, input, encoding) => {
		const decoded = decodeText(input);
		expect(decoded.text).toBe(text);
		expect(decoded.encoding).toBe(encoding);
	});

	it('decodes GB18030-only characters that GBK lacks', () => {
		const rare = '𠀀村'; // outside the BMP: 4-byte GB18030 sequence
		expect(decodeText(bytes(iconv.encode(rare, 'gb18030'))).text).toBe(rare);
	});

	it('shows bytes that fit no encoding as replacement characters for the validator to report', () => {
		const broken = Buffer.concat([iconv.encode('出生', 'gbk'), Buffer.from([0xff, 0x31])]);
		expect(decodeText(bytes(broken)).text).toContain(REPLACEMENT);
	});
});

describe('a UTF-8 BOM in front of GBK bytes', () => {
	it('is flagged with the line of the first non-UTF-8 byte, not decoded as garbage', () => {
		const gbk = iconv.encode('code,period\r\n990999001201,2024-03\r\n单位,月份\r\n', 'gbk');
		const d = decodeText(bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk])));
		expect(d.bomMismatchLine).toBe(3);
	});

	it('is not claimed for a UTF-8 file with one broken byte (that stays a per-cell finding)', () => {
		const broken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('出生\r\n'), Buffer.from([0xff, 0xfe, 0x31])]);
		expect(decodeText(bytes(broken)).bomMismatchLine).toBeUndefined();
	});
});
