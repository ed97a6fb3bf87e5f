import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../../lib/config/catalog-schema';
import { csvExport } from '../../lib/format/text';
import { REJECT_COLUMNS } from './header';
import type { Lang } from './issues';
import type { RejectRow } from './reports';

/**
 * Rejected rows, one per line, with where they came from and why, then the report columns as
 * found. Headers are the catalog's (Chinese or English), so the corrected file can go straight
 * back into reports/. Written by the site's CSV writer: UTF-8 with BOM so that Excel opens it,
 * and a cell such as `=HYPERLINK(…)` from a county file is written as text, never as a formula.
 * The folder is created when missing.
 */
export function writeRejects(path: string, rows: RejectRow[], catalog: Catalog, lang: Lang): void {
	const fields = [...catalog.attributes, ...catalog.measures];
	const header = [...REJECT_COLUMNS, ...fields.map((f) => (lang === 'zh' ? f.name.zh : f.id))];
	const body = rows.map((r) => [
		r.file,
		r.line,
		r.reason,
		...fields.map((f) => r.cells.get(f.id) ?? '')
	]);
	mkdirSync(dirname(path), { recursive: true });
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, csvExport(header, body));
	renameSync(tmp, path);
}
