import { t, type Lang } from '../i18n';
import type { Completeness } from '../stats';
import { countColumn, textColumn, type ExportTable } from './table-export';

/** One line of a completeness table: the group's code (a unit's, or none for a month) and name. */
export interface CompletenessLine {
	code: string | null;
	name: string;
	stats: Completeness;
}

const rate = (x: number | null) => (x === null ? null : x * 100);

/**
 * A completeness table as a file, with the same columns as the screen: the counts, then both
 * rates in % (received of due, on time of those whose deadline has passed).
 */
export function completenessExport(
	lines: readonly CompletenessLine[],
	x: { view: string; title: string; nameHeader: string },
	lang: Lang
): ExportTable {
	const withCode = lines.some((l) => l.code !== null);
	const percent = (header: string) => ({
		header,
		style: { kind: 'percent' as const, decimals: 1 }
	});
	return {
		view: x.view,
		title: x.title,
		columns: [
			...(withCode ? [textColumn(t(lang, 'table.code'))] : []),
			textColumn(x.nameHeader),
			countColumn(t(lang, 'quality.due')),
			countColumn(t(lang, 'quality.received')),
			countColumn(t(lang, 'quality.onTime')),
			countColumn(t(lang, 'quality.late')),
			countColumn(t(lang, 'quality.missing')),
			percent(t(lang, 'quality.receivedRate')),
			percent(t(lang, 'quality.onTimeRate'))
		],
		rows: lines.map((l) => [
			...(withCode ? [l.code] : []),
			l.name,
			l.stats.due,
			l.stats.received,
			l.stats.onTime,
			l.stats.late,
			l.stats.missing,
			rate(l.stats.receivedRate),
			rate(l.stats.onTimeRate)
		])
	};
}
