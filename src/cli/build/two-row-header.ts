import { normalizeHeader } from '../../lib/config/catalog';
import type { SourceTable } from './table';

/** A sub-header cell that means "the parent itself": 出生人数 / 合计 is births_total. */
const TOTAL = /^(合计|小计|总计|计|total)$/i;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * Reads a header spread over two rows — 出生人数 merged over 合计 / 男 / 女 — as one: each
 * column's label is its parent (the merged cell above it in XLSX, the label to its left when the
 * CSV leaves the cells after a parent empty) combined with its own sub-label, matched through the
 * catalog's names and aliases (出生人数 + 男 → 出生人数男 → births_male; 合计 → the parent).
 * Returns the combined labels when the row below the header is such a sub-header (no unit code,
 * no numbers, at least one combination the catalog knows), else null.
 */
export function combineTwoRowHeader(table: SourceTable, h: number, lookup: Map<string, string>): string[] | null {
	const top = table.rows[h];
	const below = table.rows[h + 1];
	if (!below) return null;
	const known = (text: string) => lookup.get(normalizeHeader(text));
	const codeCol = top.cells.findIndex((c) => c !== null && known(c) === 'code');
	if (codeCol >= 0 && (below.cells[codeCol] ?? '').trim() !== '') return null;
	if (below.cells.some((c) => c !== null && NUMBER.test(c.trim()))) return null;

	const text = (cells: (string | null)[], c: number) => (cells[c] ?? '').trim();
	const merges = table.merges ?? [];
	const parentOf = (c: number): string => {
		const own = text(top.cells, c);
		if (own) return own;
		const merge = merges.find((m) => m.top <= top.line && top.line <= m.bottom && m.left <= c && c <= m.right);
		if (merge) return merge.top === top.line ? text(top.cells, merge.left) : '';
		if (merges.length) return '';
		for (let k = c - 1; k >= 0; k--) if (text(top.cells, k)) return text(top.cells, k);
		return '';
	};

	const width = Math.max(top.cells.length, below.cells.length);
	const labels: string[] = [];
	let combined = 0;
	for (let c = 0; c < width; c++) {
		const child = text(below.cells, c);
		const parent = parentOf(c);
		if (!child || !parent) {
			labels[c] = text(top.cells, c) || child;
			continue;
		}
		const candidates = TOTAL.test(child) ? [parent] : [`${parent}${child}`, `${child}${parent}`, child];
		const hit = candidates.find((t) => known(t) !== undefined);
		if (hit) combined++;
		labels[c] = hit ?? `${parent}·${child}`;
	}
	return combined > 0 ? labels : null;
}
