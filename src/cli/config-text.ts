import { readFileSync } from 'node:fs';
import { ConfigError } from '../lib/config';
import { decodeText, REPLACEMENT } from './build/decode';

/**
 * A county's YAML override is edited in the same Notepad or WPS as its reports, so it arrives
 * in the same encodings: decode it like a report (UTF-8 with or without BOM, GBK/GB18030,
 * UTF-16). Text that fits none is refused naming the file — before any key is looked at, so
 * the problem is not reported as garbled incident types or unknown keys.
 */
export function readConfigText(path: string): string {
	const decoded = decodeText(readFileSync(path));
	if (decoded.bomMismatchLine !== undefined || decoded.text.includes(REPLACEMENT)) {
		const line =
			decoded.bomMismatchLine ??
			decoded.text.slice(0, decoded.text.indexOf(REPLACEMENT)).split(/\r\n|\r|\n/).length;
		throw new ConfigError(path, [
			`line ${line}: 编码错误，文件既不是 UTF-8 也不是 GBK，请用记事本另存为 UTF-8 (encoding: the file is neither UTF-8 nor GBK; save it as UTF-8)`
		]);
	}
	return decoded.text;
}
