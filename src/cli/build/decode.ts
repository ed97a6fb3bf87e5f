import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
	text: string;
	encoding: Encoding;
	/**
	 * A UTF-8 BOM in front of bytes that are not UTF-8 (a GBK file "saved with BOM" by a tool
	 * that only prepended it): the 1-based line of the first bad byte. Guessing would be unsafe,
	 * so the file is refused with an encoding message rather than read as garbled text.
	 */
	bomMismatchLine?: number;
}

/**
 * Counties send UTF-8 (with or without BOM), GBK or GB18030, and Excel's "Unicode text" is
 * UTF-16. A BOM decides; otherwise text that is valid UTF-8 is UTF-8, and anything else is
 * decoded as GB18030 (a superset of GBK). Bytes that fit neither show up as U+FFFD, which the
 * validator reports per cell.
 */
export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = utf8(bytes.subarray(3));
		const bad = text.indexOf(REPLACEMENT);
		// A stray bad byte in a real UTF-8 file is reported per cell; only when the whole rest
		// reads as GB18030 is this a GBK file behind a BOM.
		if (bad < 0 || iconv.decode(Buffer.from(bytes.subarray(3)), 'gb18030').includes(REPLACEMENT))
			return { text, encoding: 'utf-8-bom' };
		return { text, encoding: 'utf-8-bom', bomMismatchLine: text.slice(0, bad).split(/\r\n|\r|\n/).length };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
	}
}

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

export const REPLACEMENT = '\uFFFD';
