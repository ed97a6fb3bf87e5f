import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractViews } from '../../cli/extract-set';
import { recordingEffects } from '../../cli/effects';
import { build } from '../../cli/build/run';
import { defaultConfig } from '../../cli/config-files';
import type { Incident, Unit } from '../assess';
import { createNodeConnector } from '../connector/node';
import { rowsOf, type Connector } from '../connector/types';
import type { Manifest } from '../extract/schema';
import { monthIndex, parsePeriod } from '../periods';
import { townshipChanges, villageTownshipsQuery, type TownshipStretch } from './village-moves';
import * as F from '../query/fixture';
import { buildRaw, fixtureCounty } from '../query/fixture';
import type { IndicatorRow } from '../query/types';
import {
	assessmentUnitsQuery,
	assessmentValuesQuery,
	incidentsQuery,
	planAssessment,
	runAssessment,
	townshipsOf
} from './assessment';
import { unitLink } from './rankings';
import {
	breadcrumbs,
	childLevel,
	childRows,
	countyOf,
	defaultUnitState,
	lineageQuery,
	parseUnit,
	plansQuery,
	serializeUnit,
	standing,
	unitHref,
	unitPlans,
	unitTilesQuery
} from './unit';
import type { ViewQuery } from './view-query';

const config = defaultConfig();
const COUNTY = '990999';
const JIA = '990999001';
const YI = '990999002';
const V1 = '990999001201';
const V2 = '990999001202';

describe('unit page state', () => {
	const manifest = {
		counties: [{ code: '990101', name: '南峪县' }],
		periods: { from: '2023-01', to: '2024-09', latest: '2024-08' }
	} as Manifest;

	it('defaults to the county in the latest official assessment period', () => {
		expect(defaultUnitState(config, manifest)).toEqual({ code: '990101', period: '2024H1' });
		expect(parseUnit(new URLSearchParams(''), config, manifest)).toEqual({
			code: '990101',
			period: '2024H1'
		});
	});

	it('round-trips unit and period through the URL, always naming both', () => {
		const s = { code: '990101007213', period: '2023' };
		const p = serializeUnit(s, 'en');
		expect(p.toString()).toBe('code=990101007213&period=2023&lang=en');
		expect(parseUnit(p, config, manifest)).toEqual(s);
		// provisional year to date is an assessment period of the rankings too
		expect(
			parseUnit(new URLSearchParams('code=990101&period=2024-08YTD'), config, manifest)
		).toEqual({ code: '990101', period: '2024-08YTD' });
	});

	it('refuses what it does not know', () => {
		const p = new URLSearchParams("code=1' OR 1=1&period=2031");
		expect(parseUnit(p, config, manifest)).toEqual({ code: '990101', period: '2024H1' });
	});

	it('links relative to the site root, as the other pages do; the ranking table links here', () => {
		expect(unitHref('990101007', '2024H1', 'zh')).toBe('unit/?code=990101007&period=2024H1');
		const u = { code: '990101007213', level: 'village', parent_code: '990101007' };
		expect(unitLink(u as never, parsePeriod('2024')!, 'en')).toBe(
			'unit/?code=990101007213&period=2024&lang=en'
		);
	});

	it('ranks townships below a county, villages below a township, nothing below a village', () => {
		expect(['county', 'township', 'village'].map((l) => childLevel(l as Unit['level']))).toEqual([
			'township',
			'village',
			null
		]);
	});
});

describe('breadcrumbs', () => {
	const rows: Unit[] = [
		{ code: V2, name: '二村', level: 'village', parent_code: JIA },
		{ code: COUNTY, name: '试验县', level: 'county', parent_code: null },
		{ code: JIA, name: '甲镇', level: 'township', parent_code: COUNTY }
	];
	it('runs county → township → village whatever the row order', () => {
		expect(breadcrumbs(rows, V2).map((u) => u.name)).toEqual(['试验县', '甲镇', '二村']);
		expect(breadcrumbs(rows, JIA).map((u) => u.name)).toEqual(['试验县', '甲镇']);
		expect(countyOf(breadcrumbs(rows, V2))).toBe(COUNTY);
		expect(breadcrumbs(rows, '990999009')).toEqual([]);
	});
});

/** The tiny county, published and read by real DuckDB, as the site reads it. */
describe('unit page queries on DuckDB', () => {
	let dir: string;
	let manifest: Manifest;
	let conn: Connector;
	const rows = async <T>(q: ViewQuery) => rowsOf<T>(await conn.query(q.sql));

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kaoping-unit-'));
		const { fx } = recordingEffects();
		const opts = { input: 'tests/fixtures/tiny/input', out: join(dir, 'out'), maxErrors: 5 };
		manifest = (await build({ ...opts, allowRejects: false, lang: 'en' }, fx)).manifest!;
		conn = await createNodeConnector();
		// the village files are in the set's village index: opened the one way Node opens a set
		await createExtractViews(conn, join(dir, 'out'), manifest);
	});

	afterAll(async () => {
		await conn?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('finds a village, its township and its county', async () => {
		const found = await rows<Unit>(lineageQuery(V2));
		expect(breadcrumbs(found, V2).map((u) => u.code)).toEqual([COUNTY, JIA, V2]);
		expect(await rows<Unit>(lineageQuery("9' OR '1'='1"))).toEqual([]);
	});

	it("gives a village's tiles from its township's file, and a township's counts are its villages' sums", async () => {
		const period = parsePeriod(defaultUnitState(config, manifest).period)!;
		const units = await rows<Unit>(assessmentUnitsQuery(COUNTY));
		const of = (code: string) => units.find((u) => u.code === code)!;
		const vq = unitTilesQuery(config, manifest, of(V1), period);
		expect(vq.need).toEqual({
			tables: expect.arrayContaining(['village_month']),
			townships: [JIA],
			villages: [V1]
		});
		const tiles = async (code: string) =>
			(await rows<IndicatorRow>(unitTilesQuery(config, manifest, of(code), period))).filter(
				(r) => r.period_key === period.text && r.indicator === 'policy_compliance_rate'
			);
		const [a] = await tiles(V1);
		const [b] = await tiles(V2);
		const [jia] = await tiles(JIA);
		expect(a.code).toBe(V1);
		expect(jia.numerator).toBe(a.numerator! + b.numerator!);
		expect(jia.denominator).toBe(a.denominator! + b.denominator!);
		expect(jia.denominator).toBeGreaterThan(0);
	});

	it.each(['township', 'village'] as const)(
		"judges a %s's periods from one query exactly as the rankings page judges the chosen one",
		async (level) => {
			const state = {
				code: level === 'township' ? YI : V1,
				period: defaultUnitState(config, manifest).period
			};
			const units = await rows<Unit>(assessmentUnitsQuery(COUNTY));
			const incidents = await rows<Incident>(incidentsQuery());
			const unit = units.find((u) => u.code === state.code)!;
			const plans = unitPlans(config, manifest, state, unit);
			expect(plans.length).toBeGreaterThan(0);
			const townships = townshipsOf(units, COUNTY);
			const values = await rows<IndicatorRow>(plansQuery(config, plans, COUNTY, townships)!);
			const mine = runAssessment(config, plans[plans.length - 1], values, units, incidents);
			// the rankings page: one plan, its own query
			const plan = planAssessment(config.schemes, parsePeriod(state.period)!, level)!;
			const q = assessmentValuesQuery(config, plan, { county: COUNTY, townships });
			const theirs = runAssessment(config, plan, await rows<IndicatorRow>(q), units, incidents);
			expect(mine.units).toEqual(theirs.units);
			const own = standing(mine, state.code)!;
			expect(own.unit.code).toBe(state.code);
			expect(own.ranked).toBe(theirs.units.filter((u) => u.rank !== null).length);
			if (level === 'township')
				// the veto village's township carries the red card (a faked record)
				expect(own.unit.card).toBe('red');
		}
	);

	it("lists a township's villages and a county's townships, best rank first", async () => {
		const units = await rows<Unit>(assessmentUnitsQuery(COUNTY));
		const incidents = await rows<Incident>(incidentsQuery());
		const period = parsePeriod(defaultUnitState(config, manifest).period)!;
		const judged = async (level: 'township' | 'village') => {
			const plan = planAssessment(config.schemes, period, level)!;
			const q = assessmentValuesQuery(config, plan, {
				county: COUNTY,
				townships: townshipsOf(units, COUNTY)
			});
			return runAssessment(config, plan, await rows<IndicatorRow>(q), units, incidents);
		};
		const villages = childRows(await judged('village'), JIA);
		expect(villages.map((u) => u.code).sort()).toEqual([V1, V2]);
		const ranks = villages.map((u) => u.rank ?? Infinity);
		expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
		const townships = childRows(await judged('township'), COUNTY);
		expect(townships.map((u) => u.code).sort()).toEqual([JIA, YI]);
		expect(childRows(await judged('village'), V1)).toEqual([]);
	});
});

/**
 * A village that moved (moves.csv): its months before the move are in its old township's file.
 * Its own page asks for that file too, and counts every month, whichever township it was in.
 */
describe("a moved village's own page", () => {
	let built: Awaited<ReturnType<typeof buildRaw>>;
	const rows = async <T>(q: ViewQuery) => rowsOf<T>(await built.db.query(q.sql));

	beforeAll(async () => {
		built = await buildRaw(
			{
				...fixtureCounty(),
				files: {
					'moves.csv': `code,month,old_parent_code\n${F.V3},2024-01,${F.T1}\n`,
					// a veto finding in the village while it still belonged to its old township
					'incidents.csv': `code,date,type,count\n${F.V3},2023-10-15,虚假环孕检,1\n`
				}
			},
			config.catalog
		);
	});
	afterAll(async () => built?.db.close());

	it("is listed in its old township's file, and asks for it beside its own", async () => {
		const files = built.manifest.extracts.filter((e) => e.name === 'village_month');
		expect(files.map((e) => [e.township_code, e.former_villages])).toEqual([
			[F.T1, [F.V3]],
			[F.T2, undefined]
		]);
		const units = await rows<Unit>(assessmentUnitsQuery(F.COUNTY));
		const v3 = units.find((u) => u.code === F.V3)!;
		expect(v3.parent_code).toBe(F.T2);
		expect(unitTilesQuery(config, built.manifest, v3, parsePeriod('2023H2')!).need).toEqual({
			tables: expect.arrayContaining(['village_month']),
			townships: [F.T2],
			villages: [F.V3]
		});
	});

	it("counts a finding from before the move against its old township's card, as its reports", async () => {
		const incidents = await rows<Incident>(incidentsQuery());
		expect(incidents).toEqual([
			{ code: F.V3, township_code: F.T1, date: '2023-10-15', type: '虚假环孕检', count: 1 }
		]);
		const units = await rows<Unit>(assessmentUnitsQuery(F.COUNTY));
		const plan = planAssessment(config.schemes, parsePeriod('2023')!, 'township')!;
		const values = await rows<IndicatorRow>(
			assessmentValuesQuery(config, plan, { county: F.COUNTY, townships: [F.T1, F.T2] })
		);
		const judged = runAssessment(config, plan, values, units, incidents);
		const card = (code: string) => judged.units.find((u) => u.code === code)?.card ?? null;
		expect(card(F.T1)).toBe('red');
		expect(card(F.T2)).not.toBe('red');
	});

	it('says whose its months were: a line under the breadcrumbs, none for a village that never moved', async () => {
		const units = await rows<Unit>(assessmentUnitsQuery(F.COUNTY));
		const of = (code: string) => units.find((u) => u.code === code)!;
		const runs = await rows<TownshipStretch>(villageTownshipsQuery(of(F.V3)));
		expect(runs).toEqual([
			{ code: F.T1, name: of(F.T1).name, first: F.FIRST, last: monthIndex(2023, 12) },
			{ code: F.T2, name: of(F.T2).name, first: monthIndex(2024, 1), last: F.LAST }
		]);
		expect(townshipChanges(runs, 'zh')).toBe(
			`区划调整：2023年4月至2023年12月属${of(F.T1).name}，2024年1月起属${of(F.T2).name}`
		);
		expect(townshipChanges(runs, 'en')).toBe(
			`Township changes: in ${of(F.T1).name} Apr 2023 – Dec 2023; in ${of(F.T2).name} from Jan 2024`
		);
		const stayed = await rows<TownshipStretch>(villageTownshipsQuery(of(F.V1)));
		expect(stayed).toHaveLength(1);
		expect(townshipChanges(stayed, 'zh')).toBeNull();
		// the code is a quoted literal, whatever it holds
		expect(villageTownshipsQuery({ code: "x' OR '1'='1", parent_code: null }).sql).toContain(
			"code = 'x'' OR ''1''=''1'"
		);
	});

	it('gives a village that went and came back its first township twice', async () => {
		const away = await buildRaw(
			{
				...fixtureCounty(),
				// in 乙 (T2) until July 2023, in 甲 (T1) from August to December, back in 乙 since
				files: {
					'moves.csv': `code,month,old_parent_code\n${F.V3},2023-08,${F.T2}\n${F.V3},2024-01,${F.T1}\n`
				}
			},
			config.catalog
		);
		try {
			const runs = rowsOf<TownshipStretch>(
				await away.db.query(villageTownshipsQuery({ code: F.V3, parent_code: F.T2 }).sql)
			);
			expect(runs.map((r) => [r.code, r.first, r.last])).toEqual([
				[F.T2, F.FIRST, monthIndex(2023, 7)],
				[F.T1, monthIndex(2023, 8), monthIndex(2023, 12)],
				[F.T2, monthIndex(2024, 1), F.LAST]
			]);
		} finally {
			await away.db.close();
		}
	});

	it("counts its months before the move: its old township is still its villages' sum", async () => {
		const units = await rows<Unit>(assessmentUnitsQuery(F.COUNTY));
		const of = (code: string) => units.find((u) => u.code === code)!;
		const tile = async (code: string) =>
			(
				await rows<IndicatorRow>(
					unitTilesQuery(config, built.manifest, of(code), parsePeriod('2023H2')!)
				)
			).find((r) => r.period_key === '2023H2' && r.indicator === 'policy_compliance_rate')!;
		const [v1, v2, v3, t1] = await Promise.all([F.V1, F.V2, F.V3, F.T1].map(tile));
		expect(v3.denominator).toBeGreaterThan(0);
		expect(t1.numerator).toBe(v1.numerator! + v2.numerator! + v3.numerator!);
		expect(t1.denominator).toBe(v1.denominator! + v2.denominator! + v3.denominator!);
	});
});
