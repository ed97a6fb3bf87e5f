import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractViews } from '../../cli/extract-set';
import { recordingEffects } from '../../cli/effects';
import { build } from '../../cli/build/run';
import { defaultConfig } from '../../cli/config-files';
import { createNodeConnector } from '../connector/node';
import { rowsOf, type Connector } from '../connector/types';
import type { Manifest } from '../extract/schema';
import { defaultTrendsState, multiplesQuery, switchLevel, trendsQuery } from './trends';
import type { UnitRow } from './view-query';
import { warmupQueries, warmupUnitsQuery } from './warmup';

/** The warm-up must run the very queries a first click on a level button asks for. */
const config = defaultConfig();
let dir: string;
let manifest: Manifest;
let conn: Connector;
let units: UnitRow[];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kaoping-warmup-'));
	const r = await build(
		{
			input: 'tests/fixtures/tiny/input',
			out: join(dir, 'out'),
			allowRejects: false,
			maxErrors: 5,
			lang: 'en'
		},
		recordingEffects().fx
	);
	manifest = r.manifest!;
	conn = await createNodeConnector();
	await createExtractViews(conn, join(dir, 'out'), manifest);
	units = rowsOf<UnitRow>(await conn.query(warmupUnitsQuery(manifest)!.sql));
});

afterAll(async () => {
	await conn?.close();
	rmSync(dir, { recursive: true, force: true });
});

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
			expect(rowsOf(await conn.query(q.sql)).length, q.sql.slice(0, 80)).toBeGreaterThan(0);
	});

	it('ask for nothing at village level in a county without townships', () => {
		const countyOnly = units.filter((u) => u.level === 'county');
		expect(warmupQueries(config, manifest, countyOnly, 'villages')).toEqual([]);
	});
});
