import { renameSync, writeFileSync } from 'node:fs';
import type { Catalog } from '../../lib/config/catalog-schema';
import { csvLine } from './csv';
import { REJECT_COLUMNS } from './header';
import type { Lang } from './issues';
import type { RejectRow } from './reports';

/**
 * Rejected rows, one per line, with where they came from and why, then the report columns as
 * found. Headers are the catalog's (Chinese or English), so the corrected file can go straight
 * back into reports/; UTF-8 with BOM so that Excel opens it correctly.
 */
export function writeRejects(path: string, rows: RejectRow[], catalog: Catalog, lang: Lang): void {
	const fields = [...catalog.attributes, ...catalog.measures];
	const header = [...REJECT_COLUMNS, ...fields.map((f) => (lang === 'zh' ? f.name.zh : f.id))];
	const lines = [csvLine(header)];
	for (const r of rows)
		lines.push(csvLine([r.file, r.line, r.reason, ...fields.map((f) => r.cells.get(f.id) ?? '')]));
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, '\uFEFF' + lines.join('\r\n') + '\r\n');
	renameSync(tmp, path);
}
