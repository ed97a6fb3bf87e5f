export interface CsvRecord {
	/** 1-based line where the record starts (a quoted field may span lines). */
	line: number;
	fields: string[];
}

/** Picks the delimiter from the first line: tab-separated exports have tabs and no commas. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
	const nl = text.search(/[\r\n]/);
	const first = nl < 0 ? text : text.slice(0, nl);
	const count = (ch: string) => first.split(ch).length - 1;
	const [best] = ([',', '\t', ';'] as const)
		.map((d) => [d, count(d)] as const)
		.sort((a, b) => b[1] - a[1]);
	return best[1] > 0 ? best[0] : ',';
}

/**
 * RFC 4180 records with their starting line numbers: quoted fields with commas, doubled quotes
 * and line breaks; CRLF, LF or CR line ends. A stray quote inside an unquoted field is kept as
 * text, as Excel does.
 */
export function* parseCsv(text: string, delimiter = sniffDelimiter(text)): Generator<CsvRecord> {
	const n = text.length;
	let i = 0;
	let line = 1;
	while (i < n) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let value = '';
			if (text[i] === '"') {
				i++;
				for (;;) {
					const q = text.indexOf('"', i);
					if (q < 0) {
						value += text.slice(i);
						line += countBreaks(text, i, n);
						i = n;
						break;
					}
					value += text.slice(i, q);
					line += countBreaks(text, i, q);
					i = q + 1;
					if (text[i] === '"') {
						value += '"';
						i++;
					} else break;
				}
				const end = fieldEnd(text, i, delimiter);
				value += text.slice(i, end);
				i = end;
			} else {
				const end = fieldEnd(text, i, delimiter);
				value = text.slice(i, end);
				i = end;
			}
			fields.push(value);
			if (text[i] === delimiter) {
				i++;
				continue;
			}
			break;
		}
		if (text[i] === '\r') i++;
		if (text[i] === '\n') i++;
		line++;
		yield { line: start, fields };
	}
}

function fieldEnd(text: string, from: number, delimiter: string): number {
	for (let j = from; j < text.length; j++) {
		const c = text.charCodeAt(j);
		if (c === 10 || c === 13 || text[j] === delimiter) return j;
	}
	return text.length;
}

function countBreaks(text: string, from: number, to: number): number {
	let k = 0;
	for (let j = from; j < to; j++) {
		const c = text.charCodeAt(j);
		if (c === 10) k++;
		else if (c === 13 && text.charCodeAt(j + 1) !== 10) k++;
	}
	return k;
}
