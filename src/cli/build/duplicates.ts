import type { Catalog } from '../../lib/config/catalog-schema';
import { dayText, monthText } from '../../lib/periods';
import { formatIssue, type Issue, type Lang } from './issues';
import type { RejectRow } from './reports';

/**
 * Staged rows taken back out of the build (duplicates, stray months) as findings, one per row as
 * `issueOf` words it, and reject rows holding the values as parsed.
 */
export function stagedFindings(
	taken: Record<string, unknown>[],
	catalog: Catalog,
	lang: Lang,
	issueOf: (r: Record<string, unknown>) => Issue
): { issues: Issue[]; rejects: RejectRow[] } {
	const issues = taken.map(issueOf);
	return { issues, rejects: issues.map((issue, k) => stagedReject(issue, taken[k], catalog, lang)) };
}

/** The staged copies of duplicated reports, each finding naming another copy. */
export function duplicateFindings(
	taken: Record<string, unknown>[],
	files: string[],
	catalog: Catalog,
	lang: Lang
): { issues: Issue[]; rejects: RejectRow[] } {
	return stagedFindings(taken, catalog, lang, (r) => ({
		severity: 'error',
		file: files[Number(r.src)],
		line: Number(r.line),
		column: null,
		rule: 'duplicate_report',
		detail: `${r.code} ${monthText(Number(r.month))} = ${files[Number(r.other_src)]}:${r.other_line}`
	}));
}

/** A staged row taken back out of the build, as a reject row holding its values as parsed. */
export function stagedReject(issue: Issue, r: Record<string, unknown>, catalog: Catalog, lang: Lang): RejectRow {
	const cells = new Map<string, string>([
		['code', String(r.code)],
		['period', monthText(Number(r.month))]
	]);
	if (r.submitted !== null) cells.set('submitted_on', dayText(Number(r.submitted)));
	for (const m of catalog.measures) if (r[m.id] !== null && r[m.id] !== undefined) cells.set(m.id, String(r[m.id]));
	const reason = formatIssue({ ...issue, file: '', line: null }, lang).replace(/^: /, '');
	return { file: issue.file, line: issue.line, reason, cells };
}
