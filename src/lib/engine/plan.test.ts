import { describe, expect, it } from 'vitest';
import type { ExtractEntry, ExtractName, Manifest } from '../extract/schema';
import {
	ALWAYS_NEEDED,
	entryKey,
	LOADED_AFTER_READY,
	needsVillages,
	planLoad,
	type TableNeed
} from './plan';

const entry = (name: ExtractName, township_code?: string): ExtractEntry => ({
	name,
	file: township_code ? `village_month/${township_code}-00.parquet` : `${name}-00.parquet`,
	sha256: '00',
	bytes: 100,
	rows: 10,
	...(township_code ? { township_code } : {})
});

const manifest: Manifest = {
	schema_version: 1,
	generator: 'test',
	built_at: '2024-01-01T00:00:00Z',
	counties: [{ code: '990101', name: '示范县' }],
	periods: { from: '2024-01', to: '2024-06', latest: '2024-06' },
	today: '2024-07-15',
	counts: { townships: 3, villages: 9, reports: 54 },
	extracts: [
		entry('units'),
		entry('village_month', 'T1'),
		entry('village_month', 'T2'),
		{ ...entry('village_month', 'T3'), former_villages: ['V21', 'V22'] },
		entry('township_month'),
		entry('county_month'),
		entry('tasks'),
		entry('incidents')
	],
	config: {
		indicators: { file: 'config/indicators.yaml', sha256: '00', bytes: 1 },
		schemes: [],
		compiled: { file: 'config.json', sha256: '00', bytes: 1 }
	},
	provenance: { file: 'provenance.json', sha256: '00', bytes: 1 },
	villages: { file: 'villages.json', sha256: '00', bytes: 1, files: 3, rows: 30 },
	rejects: { rows: 0 },
	warnings: 0
};

const always = [...ALWAYS_NEEDED];
const v = (t: string) => `village_month/${t}-00.parquet`;

const cases: [title: string, need: TableNeed, loaded: string[], files: string[]][] = [
	[
		'the always-needed tables on a cold start, in the order asked for',
		{ tables: always },
		[],
		['units-00.parquet', 'county_month-00.parquet', 'tasks-00.parquet', 'incidents-00.parquet']
	],
	[
		'every table but the villages, the township table last',
		{ tables: [...ALWAYS_NEEDED, ...LOADED_AFTER_READY] },
		[],
		[
			'units-00.parquet',
			'county_month-00.parquet',
			'tasks-00.parquet',
			'incidents-00.parquet',
			'township_month-00.parquet'
		]
	],
	[
		'only what is not loaded yet',
		{ tables: always },
		['units-00.parquet', 'tasks-00.parquet'],
		['county_month-00.parquet', 'incidents-00.parquet']
	],
	['nothing once everything is loaded', { tables: ['units'] }, ['units-00.parquet'], []],
	['nothing for no tables', { tables: [] }, [], []],
	[
		'village data of the named townships only',
		{ tables: ['village_month'], townships: ['T3', 'T1'] },
		[],
		[v('T3'), v('T1')]
	],
	[
		'townships imply village_month',
		{ tables: ['units'], townships: ['T2'] },
		[],
		['units-00.parquet', v('T2')]
	],
	[
		'a township already loaded is not fetched again',
		{ tables: ['village_month'], townships: ['T1', 'T2'] },
		[v('T1')],
		[v('T2')]
	],
	[
		'every township when none is named',
		{ tables: ['village_month'] },
		[v('T2')],
		[v('T1'), v('T3')]
	],
	['no township for an empty list', { tables: ['village_month'], townships: [] }, [], []],
	[
		"a village's township now, then the townships it moved from (former_villages)",
		{ tables: ['village_month'], townships: ['T2'], villages: ['V21'] },
		[],
		[v('T2'), v('T3')]
	],
	[
		'a village that never moved: its township only',
		{ tables: ['village_month'], townships: ['T2'], villages: ['V20'] },
		[],
		[v('T2')]
	],
	[
		'a table or township asked for twice is planned once',
		{ tables: ['tasks', 'tasks', 'village_month'], townships: ['T1', 'T1'] },
		[],
		['tasks-00.parquet', v('T1')]
	]
];

describe('planLoad', () => {
	it.each(cases)('%s', (_title, need, loaded, files) => {
		const plan = planLoad(manifest, need, { files: new Set(loaded) });
		expect(plan.map((e) => e.file)).toEqual(files);
	});

	it('names an unknown township', () => {
		expect(() =>
			planLoad(
				manifest,
				{ tables: ['village_month'], townships: ['T1', 'X9'] },
				{ files: new Set() }
			)
		).toThrow(/unknown township X9/);
	});

	it('names a table the extract set lacks', () => {
		const noTasks = { ...manifest, extracts: manifest.extracts.filter((e) => e.name !== 'tasks') };
		expect(() => planLoad(noTasks, { tables: ['tasks'] }, { files: new Set() })).toThrow(
			/no tasks extract/
		);
	});

	it('keys village files by township', () => {
		expect(manifest.extracts.map(entryKey)).toEqual([
			'units',
			'village_month:T1',
			'village_month:T2',
			'village_month:T3',
			'township_month',
			'county_month',
			'tasks',
			'incidents'
		]);
	});

	it('knows which needs reach the village index', () => {
		expect(needsVillages({ tables: [...ALWAYS_NEEDED] })).toBe(false);
		expect(needsVillages({ tables: ['county_month'], townships: [] })).toBe(false);
		expect(needsVillages({ tables: ['village_month'] })).toBe(true);
		expect(needsVillages({ tables: ['units'], townships: ['T1'] })).toBe(true);
		expect(needsVillages({ tables: ['units'], villages: ['V21'] })).toBe(true);
	});
});
