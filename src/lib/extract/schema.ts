import type { Catalog } from '../config/catalog-schema';
import { allMatchedIds, matchedColumn, matchedColumns, matchedShape } from '../query/matched';

/**
 * The published extract set (INTERFACES.md, "Published extract set"). Bump SCHEMA_VERSION on any
 * change a site built for the old version could misread; the site refuses other versions.
 */
export const SCHEMA_VERSION = 3;

export type ExtractName =
	'units' | 'village_month' | 'township_month' | 'county_month' | 'tasks' | 'incidents';

export type UnitLevel = 'county' | 'township' | 'village';

export interface FileRef {
	/** Path relative to manifest.json; the content hash is part of the name. */
	file: string;
	sha256: string;
	bytes: number;
}

export interface ExtractEntry extends FileRef {
	name: ExtractName;
	rows: number;
	/** village_month is split into one file per township so that a view loads only its township. */
	township_code?: string;
	/**
	 * A village file's villages that units.csv now lists under another township: they moved
	 * (moves.csv), and their months before the move are here, with the township of those months.
	 * Absent when there are none (and in sets built before it was written).
	 */
	former_villages?: string[];
}

/** The village index manifest.villages names: every village_month file, one per township. */
export interface VillageIndex {
	schema_version: number;
	extracts: ExtractEntry[];
}

export interface InputEntry {
	path: string;
	sha256: string;
	bytes: number;
	rows?: number;
	encoding?: string;
}

export interface Manifest {
	schema_version: number;
	generator: string;
	built_at: string;
	/** The counties of the set: one for a county, many for a province-size set. */
	counties: { code: string; name: string }[];
	/** First and last report month, YYYY-MM, and `latest`: the last month that most villages
	 * reported (catalog latest_month_share) — the default period, never moved by one early report. */
	periods: { from: string; to: string; latest: string };
	/** The build's date in the county's time zone, YYYY-MM-DD: reports not due by then are not late. */
	today: string;
	counts: { townships: number; villages: number; reports: number };
	/** Every extract but the village files, which the village index lists. */
	extracts: ExtractEntry[];
	/**
	 * The village index (villages-<hash>.json), with the count of files and rows it lists: a
	 * province has 1,500 township files, which would be most of this manifest, read before anything
	 * else, while only views of villages need them.
	 */
	villages: FileRef & { files: number; rows: number };
	/** The effective YAML files (for reading and `kaoping assess`) and `compiled`, the validated
	 * configuration as JSON (config/compiled.ts): the one the site loads. */
	config: { indicators: FileRef; schemes: (FileRef & { year: number })[]; compiled: FileRef };
	/** Rows of the overview's default queries by query key, for its first numbers before the
	 * engine; `precomputed_more`, those of the other default views (views/defaults.ts). */
	precomputed?: FileRef;
	precomputed_more?: FileRef;
	/**
	 * The build's provenance (every input file's hash, size, rows and encoding), in a file of its
	 * own: a province has thousands of inputs, and the browser reads this manifest before anything.
	 */
	provenance: FileRef;
	rejects: { rows: number };
	warnings: number;
}

/**
 * The set's whole file list, the manifest's and the village index's: what Node opens and what
 * the browser plans village loads from, once a view needs villages.
 */
export function withVillageIndex(manifest: Manifest, index: VillageIndex): Manifest {
	if (index.schema_version !== manifest.schema_version)
		throw new Error(
			`village index schema ${index.schema_version} ≠ manifest ${manifest.schema_version}`
		);
	return { ...manifest, extracts: [...manifest.extracts, ...index.extracts] };
}

/** The provenance file manifest.provenance names. */
export interface Provenance {
	schema_version: number;
	generator: string;
	built_at: string;
	inputs: InputEntry[];
}

/** The precomputed file: query key → result rows (see src/lib/views/view-query.ts). */
export interface Precomputed {
	schema_version: number;
	results: Record<string, Record<string, unknown>[]>;
}

export interface ColumnDef {
	name: string;
	type: string;
}

/** Columns shared by village_month, township_month and county_month, in file order. */
export function unitMonthColumns(c: Catalog): ColumnDef[] {
	return [...measureColumns(c), ...matchedColumnDefs(c)];
}

/** The matched numerator/denominator/coverage columns of every indicator, per unit-month
 * (src/lib/query/matched.ts): published for townships and the county, computed for villages. */
export function matchedColumnDefs(c: Catalog): ColumnDef[] {
	return allMatchedIds(c).flatMap((id) =>
		matchedColumns(matchedShape(c, id)).map((col) => ({
			name: matchedColumn(id, col),
			type: col === 'num' || col === 'den' ? 'DOUBLE' : 'INTEGER'
		}))
	);
}

function measureColumns(c: Catalog): ColumnDef[] {
	return [
		{ name: 'code', type: 'VARCHAR' },
		{ name: 'period', type: 'DATE' },
		...c.measures.map((m) => ({
			name: m.id,
			type: m.type === 'money' ? 'DECIMAL(18,2)' : 'INTEGER'
		})),
		...c.system_measures.map((s) => ({ name: s.id, type: 'INTEGER' }))
	];
}

/** village_month adds where the row came from and when it was submitted. */
export function villageMonthColumns(c: Catalog): ColumnDef[] {
	const [code, period, ...rest] = measureColumns(c);
	return [
		code,
		{ name: 'township_code', type: 'VARCHAR' },
		period,
		{ name: 'submitted_on', type: 'DATE' },
		...rest
	];
}

export const unitColumns: ColumnDef[] = [
	{ name: 'code', type: 'VARCHAR' },
	{ name: 'name', type: 'VARCHAR' },
	{ name: 'level', type: 'VARCHAR' },
	{ name: 'parent_code', type: 'VARCHAR' },
	{ name: 'kind', type: 'VARCHAR' },
	{ name: 'township_code', type: 'VARCHAR' },
	{ name: 'sort_order', type: 'INTEGER' }
];

export const taskColumns: ColumnDef[] = [
	{ name: 'code', type: 'VARCHAR' },
	{ name: 'year', type: 'INTEGER' },
	{ name: 'measure', type: 'VARCHAR' },
	{ name: 'task', type: 'INTEGER' }
];

export const incidentColumns: ColumnDef[] = [
	{ name: 'code', type: 'VARCHAR' },
	{ name: 'township_code', type: 'VARCHAR' },
	{ name: 'date', type: 'DATE' },
	{ name: 'type', type: 'VARCHAR' },
	{ name: 'count', type: 'INTEGER' },
	{ name: 'note', type: 'VARCHAR' }
];
