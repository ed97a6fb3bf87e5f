import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { rowsOf } from '../connector/types';
import { openTinySet, type TinySet } from '../../../tests/unit/tiny-set';
import type { Manifest, Precomputed } from '../extract/schema';
import { monthIndex } from '../periods';
import { defaultViewQueries } from './defaults';
import { defaultOverviewState, overviewQuery, periodsByYear } from './overview';
import { parsePeriod } from '../periods';
import { multiplesQuery, trendsQuery, defaultTrendsState } from './trends';
import { queryKey, scopeUnitsQuery } from './view-query';

/** The views' queries on the hand-made tiny county, whose numbers are worked out by hand. */
const config = defaultConfig();
let set: TinySet;
let manifest: Manifest;

beforeAll(async () => {
	set = await openTinySet('kaoping-views-');
	manifest = set.manifest;
});

afterAll(() => set?.close());

const run = async (sql: string) => rowsOf<Record<string, unknown>>(await set.conn.query(sql));

describe('view queries', () => {
	it('keys a query by its SQL text', () => {
		expect(queryKey('SELECT 1')).toBe(queryKey('SELECT 1'));
		expect(queryKey('SELECT 1')).not.toBe(queryKey('SELECT 2'));
		expect(queryKey('SELECT 1')).toMatch(/^[0-9a-f]{14}$/);
	});

	it('lists the same period in every year for the sparkline, oldest first', () => {
		expect(periodsByYear(parsePeriod('2024-05YTD')!, 2021).map((p) => p.text)).toEqual([
			'2021-05YTD',
			'2022-05YTD',
			'2023-05YTD',
			'2024-05YTD'
		]);
	});

	it('overview: every indicator of the scheme for the county, this year and last', async () => {
		const q = overviewQuery(config, manifest, { county: '990999', period: '2024-02YTD' })!;
		expect(q.need.tables).toEqual(['county_month', 'units', 'tasks']);
		const rows = await run(q.sql);
		const birth = rows.find((r) => r.indicator === 'birth_rate' && r.period_key === '2024-02YTD')!;
		// births Jan 4 + Feb 4 = 8, over the village-months that reported them: 三村 sent no January
		// report, so its January population leaves the denominator with its (unknown) births.
		// Exposure Jan 一村 1,000.5 + 二村 2,001; Feb 一村 1,002 + 二村 2,003 + 三村 499 → 6,505.5 / 2
		expect(birth).toMatchObject({
			numerator: 8,
			denominator: 3252.75,
			due: 6,
			reported: 5,
			used: 5
		});
		expect(birth.value).toBeCloseTo((8 / 3252.75) * 1000, 10);
		const prepreg = rows.find(
			(r) => r.indicator === 'prepreg_check_completion' && r.period_key === '2024-02YTD'
		)!;
		// no prepreg column in the reports: nothing done is reported, the task is 10 (township 甲镇)
		expect(prepreg).toMatchObject({ numerator: null, denominator: 10, value: null });
		// the data starts 2023-12: January–February 2023 is asked for and has no rows
		expect(q.sql).toContain("'2023-02YTD'");
		expect(new Set(rows.map((r) => r.period_key))).toEqual(new Set(['2024-02YTD']));
	});

	it('trends: the county line and the township panels, ratio of sums per bucket', async () => {
		const state = defaultTrendsState(config, manifest);
		expect(state).toMatchObject({
			indicator: 'policy_compliance_rate',
			level: 'county',
			granularity: 'quarter',
			from: monthIndex(2023, 12),
			to: monthIndex(2024, 2)
		});
		// the main query covers every indicator of the selection; the view picks its own
		const all = await run(trendsQuery(config, state).sql);
		expect(new Set(all.map((r) => r.indicator)).size).toBe(config.catalog.indicators.length);
		const county = all.filter((r) => r.indicator === state.indicator);
		// 2023Q4 = December: in policy 2 + 3 + 1 = 6 of 2 + 4 + 1 = 7 births
		expect(county.map((r) => [r.period_key, r.numerator, r.denominator])).toEqual([
			['2023Q4', 6, 7],
			['2024Q1', 6, 8]
		]);
		const panels = await run(multiplesQuery(config, state).sql);
		expect([...new Set(panels.map((r) => r.code))]).toEqual(['990999001', '990999002']);
		const q1 = panels.filter((r) => r.period_key === '2024Q1');
		// 甲镇 Q1: in policy (2 + 2) + (1 + 1) = 6 of (3 + 2) + (1 + 2) = 8; 乙乡: January not reported, February 0 of 0
		expect(q1.map((r) => [r.code, r.numerator, r.denominator, r.value])).toEqual([
			['990999001', 6, 8, 75],
			['990999002', 0, 0, null]
		]);
	});

	it("trends at village level need that township's village file", () => {
		const state = {
			...defaultTrendsState(config, manifest),
			level: 'village' as const,
			scope: '990999001',
			units: []
		};
		expect(trendsQuery(config, state).need).toEqual({
			tables: ['village_month', 'units', 'tasks'],
			townships: ['990999001']
		});
	});
});

describe('precomputed first-paint results', () => {
	it('holds, under each default query key, exactly the rows the query returns live', async () => {
		const read = (ref: { file: string } | undefined) =>
			JSON.parse(readFileSync(join(set.out, ref!.file), 'utf8')) as Precomputed;
		const { first, more } = defaultViewQueries(config, manifest);
		for (const [file, queries] of [
			[read(manifest.precomputed), first],
			[read(manifest.precomputed_more), more]
		] as const) {
			expect(Object.keys(file.results).sort()).toEqual(queries.map((q) => q.key).sort());
			for (const q of queries) expect(file.results[q.key]).toEqual(await run(q.sql));
		}
		// the overview's first numbers need nothing from the second file
		expect(first.map((q) => q.key)).toEqual([
			scopeUnitsQuery('990999').key,
			overviewQuery(config, manifest, defaultOverviewState(manifest))!.key
		]);
		expect(more.length).toBeGreaterThan(4);
		expect(
			read(manifest.precomputed).results[scopeUnitsQuery('990999').key].map((u) => u.name)
		).toEqual(['试验县', '甲镇', '乙乡']);
	});
});
