import { decodeXml, numberText, serialToIso, type DateKind } from './xlsx-text';
import { XlsxError } from './xlsx-zip';

const ATTR_S = /\ss\s*=\s*["']([^"']*)["']/;
const ATTR_T = /\st\s*=\s*["']([^"']*)["']/;
const CELL_TYPES = new Set(['n', 's', 'str', 'inlineStr', 'b', 'e', 'd']);

/**
 * One cell's text from its attributes and raw <v> or <is> content: shared strings looked up,
 * dates by their number format, numbers as typed. An unknown type is a damaged cell, refused.
 */
export function cellText(
	attrs: string,
	raw: string | null,
	inline: string | null,
	sst: string[],
	kinds: DateKind[],
	date1904: boolean
): string | null {
	const t = ATTR_T.exec(attrs)?.[1] ?? 'n';
	if (!CELL_TYPES.has(t)) throw new XlsxError(`unknown cell type t="${t}"`);
	if (t === 'inlineStr') return inline === null ? null : decodeXml(inline, true);
	if (raw === null) return null;
	// A formula may legitimately yield ""; for every other type an empty <v/> means no value.
	if (t !== 'str' && raw.trim() === '') return null;
	switch (t) {
		case 's': {
			const i = Number(raw.trim());
			if (!Number.isInteger(i) || i < 0 || i >= sst.length)
				throw new XlsxError(`shared string index "${raw}" is out of range`);
			return sst[i];
		}
		case 'str':
		case 'e':
			return decodeXml(raw, true);
		case 'b':
			return /^\s*(?:1|true)\s*$/i.test(raw) ? 'TRUE' : 'FALSE';
		case 'd': {
			// ISO 8601 date cells (strict OOXML, some generators); the time part is dropped.
			const text = decodeXml(raw).trim();
			return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
		}
		default: {
			const text = raw.trim();
			const s = ATTR_S.exec(attrs);
			const kind = s ? kinds[Number(s[1])] : undefined;
			if (kind) {
				const iso = serialToIso(Number(text), kind, date1904);
				if (iso !== null) return iso;
			}
			return numberText(decodeXml(text));
		}
	}
}
