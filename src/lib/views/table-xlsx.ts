// The Excel half of table-export.ts, apart so that its zip writer (fflate) loads only when a
// reader asks for a spreadsheet, not with every page that has an export button.
import { writeXlsx, type XlsxCell } from '../../cli/io/xlsx-write';
import { displayWidth } from '../../cli/text-width';
import type { Lang } from '../i18n';
import { cellOf, headerOf, numberFormat, type ExportTable } from './table-export';

/** One sheet: the title, a blank line, the header (frozen with the title), the rows. */
export function tableXlsx(table: ExportTable, lang: Lang): Uint8Array {
	const head = table.columns.map((c) => headerOf(c, lang, true));
	const body: XlsxCell[][] = table.rows.map((r) =>
		r.map((v, i) => cellOf(v, table.columns[i].style, true))
	);
	const columns = table.columns.map((c, i) => {
		const cells = body.map((r) => r[i]);
		const widest = Math.max(8, ...[head[i], ...cells].map((v) => displayWidth(String(v ?? ''))));
		const width = Math.min(40, widest) + 2;
		if (c.style.kind === 'text') return { width };
		const integers = cells.every((v) => typeof v !== 'number' || Number.isInteger(v));
		return { width, numFmt: numberFormat(c.style, integers) };
	});
	return writeXlsx([
		{
			name: sheetName(table.view),
			rows: [[table.title], [], head, ...body],
			columns,
			headerRows: 3
		}
	]);
}

// Excel refuses these in a sheet name and cuts names at 31 characters.
const sheetName = (view: string) => view.replace(/[\\/?*:[\]]/g, ' ').slice(0, 31) || 'Sheet1';
