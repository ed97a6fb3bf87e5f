import type { ExtractEntry, ExtractName, Manifest } from '../extract/schema';

// what a view needs: one type, the views' (they cannot import the engine)
import type { TableNeed } from '../views/view-query';
export type { TableNeed };

/** Files already inserted or on their way; planning never returns one of these again. */
export interface LoadedState {
	files: ReadonlySet<string>;
}

/** Loaded before the engine reports ready: small, and every view reads at least one of them. */
export const ALWAYS_NEEDED: readonly ExtractName[] = [
	'units',
	'county_month',
	'tasks',
	'incidents'
];

/**
 * Loaded by the engine, unasked, right after it is ready. township_month is a province's largest
 * table before any village file (10 MB of Parquet for 1,500 townships): decoded before ready it
 * made every view wait for it, even the county's; a view at township level asks for it like any
 * other table and joins the load already running.
 */
export const LOADED_AFTER_READY: readonly ExtractName[] = ['township_month'];

/**
 * Extracts the engine still has to fetch for `need`, in the order asked for. Throws on a
 * township or table the extract set does not have, naming it, rather than loading nothing and
 * letting a query fail later with a less helpful message.
 *
 * No SQL runs after the inserts: tables are created under the names the query builders read
 * (units, village_month, township_month, county_month, tasks, incidents), and village files are
 * appended to one village_month table.
 */
export function planLoad(manifest: Manifest, need: TableNeed, loaded: LoadedState): ExtractEntry[] {
	const wanted: ExtractEntry[] = [];
	const add = (e: ExtractEntry) => {
		if (!loaded.files.has(e.file) && !wanted.includes(e)) wanted.push(e);
	};
	const villageFiles = manifest.extracts.filter((e) => e.name === 'village_month');
	for (const table of need.tables) {
		if (table === 'village_month') {
			if (need.townships === undefined) villageFiles.forEach(add);
			continue;
		}
		const entries = manifest.extracts.filter((e) => e.name === table);
		if (entries.length === 0) throw new Error(`the extract set has no ${table} extract`);
		entries.forEach(add);
	}
	for (const code of need.townships ?? []) {
		const entry = villageFiles.find((e) => e.township_code === code);
		if (!entry)
			throw new Error(`unknown township ${code}: the extract set has no village_month file for it`);
		add(entry);
	}
	for (const code of need.villages ?? [])
		villageFiles.filter((e) => e.former_villages?.includes(code)).forEach(add);
	return wanted;
}

/** The key a loaded file is reported under: the table, or `village_month:<township>`. */
export function entryKey(e: ExtractEntry): string {
	return e.township_code ? `${e.name}:${e.township_code}` : e.name;
}

/** Whether `need` reaches village data, whose files only the village index lists. */
export function needsVillages(need: TableNeed): boolean {
	return (
		need.tables.includes('village_month') ||
		(need.townships?.length ?? 0) > 0 ||
		(need.villages?.length ?? 0) > 0
	);
}
