import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { rowsOf } from '../connector/types';
import { openTinySet, type TinySet } from '../../../tests/unit/tiny-set';
import type { Manifest } from '../extract/schema';
import { defaultTrendsState, multiplesQuery, switchLevel, trendsQuery } from './trends';
import type { UnitRow } from './view-query';
import { warmupQueries, warmupUnitsQuery } from './warmup';

/** The warm-up must run the very queries a first click on a level button asks for. */
const config = defaultConfig();
let set: TinySet;
let manifest: Manifest;
let units: UnitRow[];

beforeAll(async () => {
	set = await openTinySet('kaoping-warmup-');
	manifest = set.manifest;
	units = rowsOf<UnitRow>(await set.conn.query(warmupUnitsQuery(manifest)!.sql));
});

afterAll(() => set?.close());

const keys = (qs: { key: string }[]) => qs.map((q) => q.key);

describe('warm-up queries', () => {
	it('cover the trends page after a click on 乡镇 from its default state', () => {
		const clicked = switchLevel(
			defaultTrendsState(config, manifest),
			'township',
			manifest.counties[0].code,
			units.filter((u) => u.level === 'township')
		);
		expect(clicked.units).toEqual([]);
		expect(keys(warmupQueries(config, manifest, units, 'loaded'))).toEqual(
			expect.arrayContaining(keys([trendsQuery(config, clicked), multiplesQuery(config, clicked)]))
		);
	});

	it("cover the first township's villages after a click on 村, and nothing at village level before", () => {
		const townships = units.filter((u) => u.level === 'township');
		expect(townships.length).toBeGreaterThan(1);
		const clicked = switchLevel(
			defaultTrendsState(config, manifest),
			'village',
			manifest.counties[0].code,
			townships
		);
		expect(clicked.scope).toBe(townships[0].code);
		const villages = warmupQueries(config, manifest, units, 'villages');
		expect(keys(villages)).toEqual(
			expect.arrayContaining(keys([trendsQuery(config, clicked), multiplesQuery(config, clicked)]))
		);
		const loaded = warmupQueries(config, manifest, units, 'loaded');
		expect(loaded.some((q) => q.sql.includes('village_month'))).toBe(false);
	});

	it('run on the real tables and return rows', async () => {
		for (const q of [
			...warmupQueries(config, manifest, units, 'loaded'),
			...warmupQueries(config, manifest, units, 'villages')
		])
			expect(rowsOf(await set.conn.query(q.sql)).length, q.sql.slice(0, 80)).toBeGreaterThan(0);
	});

	it('ask for nothing at village level in a county without townships', () => {
		const countyOnly = units.filter((u) => u.level === 'county');
		expect(warmupQueries(config, manifest, countyOnly, 'villages')).toEqual([]);
	});
});
