import type { Catalog } from '../config/catalog-schema';
import type { ExtractName } from '../extract/schema';
import { indicatorsSql, type IndicatorsQuery } from '../query/indicators';
import { literal } from '../sql/quote';
import { planIndicators } from '../query/terms';

/**
 * Which extracts a query reads: the engine loads them first (engine/plan.ts). `townships` names
 * the townships whose village data (village_month, one file per township) must be there and
 * implies village_month; leaving it out while asking for village_month means every township,
 * fine for a county but a lot of data for a province, so views of one township should always
 * name it. `villages` adds the files of the townships those villages moved from (the village
 * index's former_villages): a village's own page names its township now and itself, and gets
 * its months before a move too.
 */
export interface TableNeed {
	tables: ExtractName[];
	townships?: string[];
	villages?: string[];
}

/**
 * A query a view runs: its SQL, what it reads, and a key. The CLI runs the default views' queries
 * at build time and ships their rows under the same keys, so the first numbers appear before the
 * engine has loaded — and, being keyed by the SQL text itself, a precomputed result can only ever
 * stand in for exactly the query that produced it.
 */
export interface ViewQuery {
	key: string;
	sql: string;
	need: TableNeed;
}

/** The village files one village's own views read: its township's now and those it moved from. */
export const villageFiles = (village: {
	code: string;
	parent_code: string | null;
}): Pick<TableNeed, 'townships' | 'villages'> => ({
	townships: village.parent_code ? [village.parent_code] : [],
	villages: [village.code]
});

export function viewQuery(sql: string, need: TableNeed): ViewQuery {
	return { key: queryKey(sql), sql, need };
}

/** cyrb53: a fast 53-bit string hash, ample to tell a few hundred queries apart. */
export function queryKey(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const MONTH_TABLES = {
	county: 'county_month',
	township: 'township_month',
	village: 'village_month'
} as const satisfies Record<IndicatorsQuery['level'], ExtractName>;

/** An indicator query with the extracts it reads. */
export function indicatorsViewQuery(catalog: Catalog, q: IndicatorsQuery): ViewQuery {
	const tables: ExtractName[] = [MONTH_TABLES[q.level], 'units'];
	if (planIndicators(catalog, q.indicators).taskMeasures.length) tables.push('tasks');
	const need: TableNeed = { tables };
	if (q.level === 'village' && q.parent) need.townships = [q.parent];
	return viewQuery(indicatorsSql(catalog, q), need);
}

export interface UnitRow {
	code: string;
	name: string;
	level: 'county' | 'township' | 'village';
	parent_code: string | null;
	sort_order: number;
}

/**
 * A unit and its children with names: the county and its townships for tiles, pickers and small
 * multiples, or a township and its villages when an analyst drills down.
 */
export function scopeUnitsQuery(scope: string): ViewQuery {
	return viewQuery(
		`SELECT code, name, level, parent_code, sort_order FROM units WHERE code = ${literal(scope)} OR parent_code = ${literal(scope)} ORDER BY sort_order`,
		{ tables: ['units'] }
	);
}
