import type { ExtractEntry, ExtractName, Manifest } from '../extract/schema';

/**
 * What a view needs in the engine. `townships` names the townships whose village data
 * (village_month, one file per township) must be there and implies village_month; leaving it
 * out while asking for village_month means every township, fine for a county but a lot of data
 * for a province, so views of one township should always name it. `villages` adds the files of
 * the townships those villages moved from (the village index's former_villages): a village's own
 * page names its township now and itself, and gets its months before a move too.
 */
export type TableNeed = { tables: ExtractName[]; townships?: string[]; villages?: string[] };

/** Files already inserted or on their way; planning never returns one of these again. */
export interface LoadedState {
	files: ReadonlySet<string>;
}

/** Loaded before the engine reports ready: small, and every view reads at least one of them. */
export const ALWAYS_NEEDED: readonly ExtractName[] = [
	'units',
	'county_month',
	'township_month',
	'tasks',
	'incidents'
];

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
