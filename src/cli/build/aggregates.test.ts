import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingEffects } from '../effects';
import { main } from '../main';
import { defaultConfig } from '../config-files';

/**
 * The published pre-aggregates checked against the village rows of a real demo build: flows
 * are sums of villages, month-end stocks are sums across villages of the same month only.
 */
const { catalog } = defaultConfig();
let dir: string;
let conn: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kaoping-agg-'));
	const { fx } = recordingEffects(new Date('2025-06-01T00:00:00Z'));
	const demo = ['demo', '--out', join(dir, 'raw'), '--townships', '4', '--villages', '40', '--from', '2023-01', '--to', '2024-12'];
	expect(await main(demo, fx)).toBe(0);
	expect(await main(['build', '--input', join(dir, 'raw'), '--out', join(dir, 'out')], fx)).toBe(0);
	instance = await DuckDBInstance.create(':memory:');
	conn = await instance.connect();
	for (const t of ['village_month', 'township_month', 'county_month', 'units'])
		await conn.run(
			`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, 'out', t === 'village_month' ? 'village_month/*.parquet' : `${t}-*.parquet`)}')`
		);
});

afterAll(() => {
	conn?.closeSync();
	instance?.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

const all = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
const columns = () => [...catalog.measures.map((m) => m.id), ...catalog.system_measures.map((s) => s.id)];

describe('pre-aggregates of the demo county', () => {
	it.each(['township', 'county'] as const)('%s rows equal the sums of their village rows, every measure, every month', async (level) => {
		const key = level === 'township' ? 'v.township_code' : 't.parent_code';
		const diffs = columns().map((c) => `count(*) FILTER (WHERE a.${c} IS DISTINCT FROM s.${c}) AS ${c}`);
		const [row] = await all(`
			WITH s AS (
				SELECT ${key} AS code, v.period, ${columns().map((c) => `sum(v.${c}) AS ${c}`).join(', ')}
				FROM village_month v JOIN units t ON t.code = v.township_code GROUP BY ALL
			)
			SELECT count(*) AS n, ${diffs.join(', ')} FROM ${level}_month a JOIN s USING (code, period)`);
		expect(Number(row.n)).toBeGreaterThan(0);
		for (const c of columns()) expect(Number(row[c]), c).toBe(0);
	});

	it('has every unit in every month', async () => {
		const [r] = await all(`SELECT (SELECT count(*) FROM village_month) AS v, (SELECT count(*) FROM units WHERE level = 'village') * 24 AS want`);
		expect(r.v).toBe(r.want);
	});

	it('carries a village stock into a missing month instead of summing or dropping it', async () => {
		const missing = await all(`
			SELECT v.code, v.period, v.pop_total, p.pop_total AS prev, v.births_total
			FROM village_month v JOIN village_month p ON p.code = v.code AND p.period = v.period - INTERVAL 1 MONTH
			WHERE v.reports_received = 0 AND p.reports_received = 1`);
		expect(missing.length).toBeGreaterThan(0);
		for (const m of missing) {
			expect(m.pop_total).toBe(m.prev);
			expect(m.births_total).toBeNull();
		}
	});

	it("never sums a stock over months: December's township population is a level like January's", async () => {
		const rows = await all(`
			SELECT code, year(period) AS y, arg_min(pop_total, period) AS jan, arg_max(pop_total, period) AS dec
			FROM township_month GROUP BY ALL`);
		expect(rows.length).toBe(4 * 2);
		for (const r of rows) expect(Math.abs(Number(r.dec) / Number(r.jan) - 1), `${r.code} ${r.y}`).toBeLessThan(0.05);
	});
});
