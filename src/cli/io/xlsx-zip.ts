import { unzipSync } from 'fflate';
import { decodeText } from './xlsx-text';

/** Corrupt, not an xlsx, or an unsupported variant; messages are meant to be shown to people. */
export class XlsxError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'XlsxError';
	}
}

// Declared sizes bound fflate's output buffer, so refusing large declarations caps memory use
// no matter how the compressed data is crafted.
const MAX_ENTRY_BYTES = 200 * 1024 * 1024;

export function sniff(bytes: Uint8Array): void {
	const b = bytes;
	if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
		throw new XlsxError(
			'this is an OLE compound file (legacy .xls, or a password-protected workbook), not an xlsx'
		);
	if (b.length < 22 || b[0] !== 0x50 || b[1] !== 0x4b)
		throw new XlsxError('not a zip archive, so not an xlsx file');
}

export const normalizeName = (name: string) =>
	name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

export function unzip(
	bytes: Uint8Array,
	keep: (name: string) => boolean
): Record<string, Uint8Array> {
	try {
		return unzipSync(bytes, {
			filter: (f) => {
				if (!keep(normalizeName(f.name))) return false;
				if (f.originalSize > MAX_ENTRY_BYTES)
					throw new XlsxError(
						`zip entry ${f.name} declares ${f.originalSize} bytes, over the limit`
					);
				if (f.compression !== 0 && f.compression !== 8)
					throw new XlsxError(`zip entry ${f.name} uses unsupported compression ${f.compression}`);
				return true;
			}
		});
	} catch (e) {
		if (e instanceof XlsxError) throw e;
		throw new XlsxError(`corrupt zip archive (${e instanceof Error ? e.message : String(e)})`);
	}
}

export function listEntries(bytes: Uint8Array): Set<string> {
	const names = new Set<string>();
	unzip(bytes, (name) => (names.add(name), false));
	return names;
}

/** Inflates only the named parts (OOXML part names are case-insensitive). */
export function extract(bytes: Uint8Array, paths: string[]): Map<string, string> {
	const want = new Map(paths.map((p) => [normalizeName(p), p]));
	const raw = unzip(bytes, (name) => want.has(name));
	const out = new Map<string, string>();
	for (const name of Object.keys(raw)) {
		const path = want.get(normalizeName(name));
		if (path !== undefined && !out.has(path)) out.set(path, decodeText(raw[name]));
	}
	return out;
}

export function extractOne(bytes: Uint8Array, path: string): string {
	return extract(bytes, [path]).get(path) ?? '';
}
