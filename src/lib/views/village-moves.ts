import type { Unit } from '../assess';
import { formatMonth, formatMonthRange } from '../format';
import { t, type Lang } from '../i18n';
import type { MonthIndex } from '../periods';
import { monthIndexSql } from '../query/buckets';
import { ident, literal } from '../sql/quote';
import { villageFiles, viewQuery, type ViewQuery } from './view-query';

/** A run of months a village belonged to one township (village_month.township_code). */
export interface TownshipStretch {
	code: string;
	name: string | null;
	first: MonthIndex;
	last: MonthIndex;
}

/**
 * A village's townships over the set's months, oldest first: one run for a village that never
 * moved, more for one that did (moves.csv). Runs, not townships: a village that went and came
 * back has its old township twice. Reads the files of every township it was in.
 */
export function villageTownshipsQuery(village: Pick<Unit, 'code' | 'parent_code'>): ViewQuery {
	const months = `SELECT ${ident('township_code')} AS township, ${monthIndexSql('period')} AS m
FROM ${ident('village_month')} WHERE code = ${literal(village.code)}`;
	const runs = `SELECT township, m, m - row_number() OVER (PARTITION BY township ORDER BY m) AS run FROM (${months})`;
	const sql = `SELECT r.township AS code, any_value(u.name) AS name, min(r.m) AS first, max(r.m) AS last
FROM (${runs}) r LEFT JOIN ${ident('units')} u ON u.code = r.township
GROUP BY r.township, r.run ORDER BY first`;
	return viewQuery(sql, { tables: ['village_month', 'units'], ...villageFiles(village) });
}

/**
 * "区划调整：2023年4月至2023年12月属甲镇，2024年1月起属乙乡": the line a moved village's page
 * shows under its breadcrumbs, so that a reader knows whose its earlier months were. Null for a
 * village that never moved.
 */
export function townshipChanges(runs: readonly TownshipStretch[], lang: Lang): string | null {
	if (runs.length < 2) return null;
	const parts = runs.map((r, i) => {
		const name = r.name ?? r.code;
		if (i === runs.length - 1)
			return t(lang, 'unit.movedSince', { month: formatMonth(r.first, lang), township: name });
		return t(lang, 'unit.movedDuring', {
			months: formatMonthRange(r.first, r.last, lang),
			township: name
		});
	});
	return t(lang, 'unit.moves', { runs: parts.join(lang === 'zh' ? '，' : '; ') });
}
