import iconv from 'iconv-lite';
import { writeXlsx } from '../../src/cli/io/xlsx-write';
import type { Catalog } from '../../src/lib/config/catalog-schema';
import { Rng } from '../../src/lib/stats/random';
import { columnName, rawRow, rawXlsx, type RawCell } from './xlsx-raw';

/**
 * Seeded mutations of a valid monthly report, for the reader's fuzz test. Each mutant says what
 * the clean numbers become: the same (`removed` empty), or the same minus the unit-months whose
 * rows were cut. A mutation that damages a value must make the reader fail with a located error
 * (or warn that a measure is missing); it must never change a number silently.
 *
 * Damaging bytes are drawn from POISON, bytes that cannot appear inside any valid value (letters,
 * symbols, bytes no encoding accepts there). A digit turned into another digit, or a trailing
 * digit turned into a space or line break, makes a different valid report — no reader can tell —
 * so those flips are left out on purpose; zip-level flips are fully random (checksums catch them).
 */
export type Table = (string | number | null)[][];

export interface Mutant {
	kind: string;
	format: 'csv' | 'xlsx';
	bytes: Uint8Array;
	/** Keys (`code|YYYY-MM`) of rows the mutation removed: they must not be published. */
	removed: Set<string>;
}

const POISON = [0x78, 0x23, 0x40, 0x21, 0x25, 0x22, 0x00, 0xff, 0xb0, 0xe4, 0x7f, 0x5a];

export const keyOf = (row: (string | number | null)[]) => `${row[0]}|${row[2]}`;

/** A valid report: every village of `villages` for every month of 2024, all measures filled. */
export function cleanReport(
	catalog: Catalog,
	villages: { code: string; name: string }[],
	seed: number
): Table {
	const rng = new Rng(seed);
	const int = (n: number) => Math.floor(rng.uniform() * n);
	const header = [
		'单位代码',
		'单位名称',
		'月份',
		'报送日期',
		...catalog.measures.map((m) => m.name.zh)
	];
	const rows: Table = [header];
	for (const v of villages)
		for (let month = 1; month <= 12; month++) {
			const male = int(4);
			const female = int(4);
			const total = male + female;
			const p3 = int(2) ? Math.min(total, 1) : 0;
			const p2 = Math.min(total - p3, int(3));
			const due = 20 + int(30);
			const sent = int(10);
			const value: Record<string, number> = {
				pop_total: 1000 + int(2000),
				women_married_15_49: 300 + int(100),
				contraception_users: 200 + int(100),
				births_total: total,
				births_male: male,
				births_female: female,
				births_parity1: total - p3 - p2,
				births_parity2: p2,
				births_parity3p: p3,
				births_in_policy: total - p3,
				births_out_policy_3p: p3,
				checkups_due: due,
				checkups_done: due - int(5),
				floating_checks_due: due,
				floating_checks_done: due - int(3),
				floating_info_sent: sent,
				floating_info_feedback: Math.max(0, sent - int(3)),
				fee_assessed: 1000 * int(5) + 0.5,
				fee_collected: 500 * int(3)
			};
			const mm = String(month).padStart(2, '0');
			const next = month === 12 ? '2025-01' : `2024-${String(month + 1).padStart(2, '0')}`;
			rows.push([
				v.code,
				v.name,
				`2024-${mm}`,
				`${next}-0${1 + int(5)}`,
				...catalog.measures.map((m) => value[m.id] ?? int(9))
			]);
		}
	return rows;
}

const ENCODINGS = ['utf8', 'utf8bom', 'gbk', 'utf16le'] as const;

function encodeCsv(
	table: Table,
	rng: Rng,
	opts: { encoding?: (typeof ENCODINGS)[number]; eol?: string; quote?: boolean } = {}
): Uint8Array {
	const eol = opts.eol ?? '\r\n';
	const cell = (c: string | number | null) =>
		c === null
			? ''
			: opts.quote && rng.uniform() < 0.5
				? `"${String(c).replace(/"/g, '""')}"`
				: String(c);
	const text = table.map((r) => r.map(cell).join(',')).join(eol) + eol;
	switch (opts.encoding ?? 'utf8') {
		case 'utf8':
			return new TextEncoder().encode(text);
		case 'utf8bom':
			return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
		case 'gbk':
			return new Uint8Array(iconv.encode(text, 'gbk'));
		case 'utf16le':
			return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]);
	}
}

const xlsxOf = (table: Table) => writeXlsx([{ name: '月报', rows: table }]);
const rawXlsxOf = (table: (RawCell | string | number | null)[][]) =>
	rawXlsx(table.map((r, i) => rawRow(i + 1, r as RawCell[])).join(''));

function flip(bytes: Uint8Array, rng: Rng, count: number, anyByte: boolean): Uint8Array {
	const out = bytes.slice();
	for (let k = 0; k < count; k++) {
		const at = Math.floor(rng.uniform() * out.length);
		out[at] = anyByte
			? (out[at] + 1 + Math.floor(rng.uniform() * 255)) & 0xff
			: POISON[Math.floor(rng.uniform() * POISON.length)];
	}
	return out;
}

/** Another name the catalog accepts for the same column, or a name it does not know. */
function renamed(catalog: Catalog, label: string, rng: Rng, keep: boolean): string {
	const col = [...catalog.attributes, ...catalog.measures].find(
		(c) => c.name.zh === label || c.id === label
	);
	if (keep && col) {
		const names = [col.id, col.name.zh, ...col.aliases];
		return names[Math.floor(rng.uniform() * names.length)];
	}
	return `${label}X`;
}

/** The mutation of number `n` of seed `seed`; the kind cycles so every kind is exercised. */
export function mutate(clean: Table, catalog: Catalog, seed: number, n: number): Mutant {
	const rng = Rng.stream(seed, n);
	const pick = (k: number) => Math.floor(rng.uniform() * k);
	const data = clean.slice(1);
	const none = new Set<string>();
	const kinds = [
		'csv-flip',
		'csv-cut',
		'csv-truncate',
		'csv-move-column',
		'csv-move-cell-out',
		'csv-rename',
		'csv-rename-unknown',
		'csv-dress',
		'xlsx-zip-flip',
		'xlsx-xml-flip',
		'xlsx-cut',
		'xlsx-move-column',
		'xlsx-move-cell',
		'xlsx-rename',
		'xlsx-formula',
		'xlsx-far-cell'
	];
	const kind = kinds[n % kinds.length];
	const permuted = () => {
		const order = clean[0].map((_, i) => i).sort(() => rng.uniform() - 0.5);
		return clean.map((r) => order.map((i) => r[i]));
	};
	const cut = () => {
		const drop = new Set(Array.from({ length: 1 + pick(5) }, () => 1 + pick(data.length)));
		return {
			table: clean.filter((_, i) => !drop.has(i)),
			removed: new Set([...drop].map((i) => keyOf(clean[i])))
		};
	};
	const withHeader = (keep: boolean) => {
		const t = clean.map((r) => r.slice());
		const col = pick(t[0].length);
		t[0][col] = renamed(catalog, String(t[0][col]), rng, keep);
		return t;
	};
	const encoding = ENCODINGS[pick(ENCODINGS.length)];
	switch (kind) {
		case 'csv-flip':
			return {
				kind,
				format: 'csv',
				bytes: flip(encodeCsv(clean, rng, { encoding }), rng, 1 + pick(3), false),
				removed: none
			};
		case 'csv-cut': {
			const { table, removed } = cut();
			return { kind, format: 'csv', bytes: encodeCsv(table, rng, { encoding }), removed };
		}
		case 'csv-truncate': {
			const keep = 1 + pick(data.length);
			return {
				kind,
				format: 'csv',
				bytes: encodeCsv(clean.slice(0, keep), rng),
				removed: new Set(clean.slice(keep).map(keyOf))
			};
		}
		case 'csv-move-column':
			return {
				kind,
				format: 'csv',
				bytes: encodeCsv(permuted(), rng, { encoding }),
				removed: none
			};
		case 'csv-move-cell-out': {
			const t = clean.map((r) => r.slice());
			const row = t[1 + pick(data.length)];
			const col = 4 + pick(row.length - 4);
			row.push(...new Array(pick(3)).fill(null), row[col]);
			row[col] = null;
			return { kind, format: 'csv', bytes: encodeCsv(t, rng), removed: none };
		}
		case 'csv-rename':
			return {
				kind,
				format: 'csv',
				bytes: encodeCsv(withHeader(true), rng, { encoding }),
				removed: none
			};
		case 'csv-rename-unknown':
			return {
				kind,
				format: 'csv',
				bytes: encodeCsv(withHeader(false), rng, { encoding }),
				removed: none
			};
		case 'csv-dress': {
			// Title rows, blank lines, quotes, other line ends and encodings: all cosmetic.
			const t: Table = [
				['2024年人口计生月报表'],
				[],
				...clean.flatMap((r, i) => (i > 0 && pick(4) === 0 ? [r, []] : [r]))
			];
			const eol = ['\r\n', '\n', '\r'][pick(3)];
			return {
				kind,
				format: 'csv',
				bytes: encodeCsv(t, rng, { encoding, eol, quote: true }),
				removed: none
			};
		}
		case 'xlsx-zip-flip':
			return {
				kind,
				format: 'xlsx',
				bytes: flip(xlsxOf(clean), rng, 1 + pick(3), true),
				removed: none
			};
		case 'xlsx-xml-flip': {
			// Flips in the markup and the text of the sheet itself, zipped intact.
			const chars = [...clean.map((r, i) => rawRow(i + 1, r)).join('')];
			for (let k = 1 + pick(3); k > 0; k--) {
				const at = pick(chars.length);
				chars[at] = String.fromCharCode(POISON[pick(POISON.length)]);
			}
			return { kind, format: 'xlsx', bytes: rawXlsx(chars.join('')), removed: none };
		}
		case 'xlsx-cut': {
			const { table, removed } = cut();
			return { kind, format: 'xlsx', bytes: xlsxOf(table), removed };
		}
		case 'xlsx-move-column':
			return { kind, format: 'xlsx', bytes: xlsxOf(permuted()), removed: none };
		case 'xlsx-move-cell': {
			const line = 2 + pick(data.length);
			const xml = clean.map((r, i) => rawRow(i + 1, r)).join('');
			const cells = [...xml.matchAll(new RegExp(`<c r="([A-Z]+)${line}"`, 'g'))];
			const from = cells[pick(cells.length)];
			const to = cells[pick(cells.length)][1] + (pick(2) ? 'A' : '');
			return {
				kind,
				format: 'xlsx',
				bytes: rawXlsx(xml.replace(from[0], `<c r="${to}${line}"`)),
				removed: none
			};
		}
		case 'xlsx-rename':
			return { kind, format: 'xlsx', bytes: xlsxOf(withHeader(pick(2) === 0)), removed: none };
		case 'xlsx-formula': {
			// births_total as the formula Excel would have saved the result of: the same numbers.
			const total = clean[0].indexOf('出生人数');
			const male = clean[0].indexOf('出生人数（男）');
			const female = clean[0].indexOf('出生人数（女）');
			const letter = columnName;
			const t = clean.map((r, i) =>
				i === 0
					? r
					: r.map((c, k) =>
							k === total && pick(2)
								? { f: `SUM(${letter(male)}${i + 1},${letter(female)}${i + 1})` }
								: c
						)
			);
			return { kind, format: 'xlsx', bytes: rawXlsxOf(t), removed: none };
		}
		default: {
			// xlsx-far-cell: a stray cell far to the right of a data row rejects that row.
			const line = 2 + pick(data.length);
			const xml = clean.map((r, i) => rawRow(i + 1, r)).join('');
			const stray = `<c r="${['AZ', 'ZZ', 'XFD'][pick(3)]}${line}"><v>1</v></c></row>`;
			const at = xml.indexOf('</row>', xml.indexOf(`<row r="${line}">`));
			return {
				kind,
				format: 'xlsx',
				bytes: rawXlsx(xml.slice(0, at) + stray + xml.slice(at + 6)),
				removed: none
			};
		}
	}
}
