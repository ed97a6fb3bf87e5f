import type { Catalog } from '../../lib/config/catalog-schema';
import { monthText } from '../../lib/periods';
import { stagedFindings } from './duplicates';
import type { Issue, Lang } from './issues';
import type { RejectRow } from './reports';

/**
 * More than this many months without a single report split the reports into separate runs. A
 * county's reports form one run; a month typed with the wrong year (2004-03 for 2024-03) forms a
 * run of its own, far away, and would stretch the data set over twenty years of invented
 * "due, not received" village-months.
 */
export const MAX_EMPTY_MONTHS = 12;

/**
 * The months outside the main run of reports: split the months that hold reports wherever more
 * than MAX_EMPTY_MONTHS pass without any, keep the run with the most rows (the later on a tie),
 * and return the months of every other run.
 */
export function strayMonths(counts: readonly { month: number; rows: number }[]): number[] {
	const sorted = [...counts].sort((a, b) => a.month - b.month);
	const runs: { months: number[]; rows: number }[] = [];
	for (const c of sorted) {
		const run = runs.at(-1);
		if (run && c.month - run.months.at(-1)! <= MAX_EMPTY_MONTHS + 1) {
			run.months.push(c.month);
			run.rows += c.rows;
		} else runs.push({ months: [c.month], rows: c.rows });
	}
	let main = runs[0];
	for (const r of runs) if (r.rows >= main.rows) main = r;
	return runs.filter((r) => r !== main).flatMap((r) => r.months);
}

/** The staged rows of stray months as findings (file, line, the 月份 column) and reject rows. */
export function strayMonthFindings(
	taken: Record<string, unknown>[],
	files: string[],
	main: { from: number; to: number },
	periodLabel: string,
	catalog: Catalog,
	lang: Lang
): { issues: Issue[]; rejects: RejectRow[] } {
	return stagedFindings(taken, catalog, lang, (r) => ({
		severity: 'error',
		file: files[Number(r.src)],
		line: Number(r.line),
		column: periodLabel,
		rule: 'period_outlier',
		detail: `${monthText(Number(r.month))} ∉ ${monthText(main.from)}…${monthText(main.to)}`
	}));
}
