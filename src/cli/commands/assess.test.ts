import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitAssessment } from '../../lib/assess';
import { monthIndex } from '../../lib/periods';
import { buildModel, DEMO_DEFAULTS, type Role } from '../demo/model';
import { recordingEffects } from '../effects';
import { main } from '../main';
import { displayWidth } from '../text-width';

/**
 * `kaoping assess` on a real demo build (19 townships, 2023–2024) through main(), as a user
 * runs it: the designed defects of the demo county must come out as cards with their reasons.
 */
const options = {
	...DEMO_DEFAULTS,
	villages: 120,
	from: monthIndex(2023, 1),
	to: monthIndex(2024, 12)
};
const model = buildModel(options);
const withRole = (role: Role) => model.townships.find((t) => t.roles.includes(role))!;
let dir: string;
let data: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kaoping-assess-'));
	data = join(dir, 'out');
	// the clock after the last late report of 2024 (submission dates may not lie in the future)
	const { fx, stderr } = recordingEffects(new Date('2025-06-01T00:00:00Z'));
	const demo = [
		'demo',
		'--out',
		join(dir, 'raw'),
		'--villages',
		'120',
		'--from',
		'2023-01',
		'--to',
		'2024-12'
	];
	expect(await main(demo, fx)).toBe(0);
	expect(await main(['build', '--input', join(dir, 'raw'), '--out', data], fx), stderr()).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
	const rec = recordingEffects();
	const code = await main(['assess', '--data', data, ...args], rec.fx);
	return { code, stdout: rec.stdout(), stderr: rec.stderr() };
}

async function json(...args: string[]): Promise<UnitAssessment[]> {
	const r = await run(...args, '--format', 'json');
	expect(r.code, r.stderr).toBe(0);
	return JSON.parse(r.stdout);
}

describe('kaoping assess on the demo county', () => {
	it('holds a red card for 2024 against the township with an out-of-policy multi-child birth', async () => {
		const veto = (await json('--period', '2024')).find(
			(u) => u.code === withRole('out_policy_3p').code
		)!;
		expect(veto.card).toBe('red');
		expect(veto.reasons[0]).toMatch(/^政策外多孩出生 \d+ 例 ≥ 1 → 红牌$/);
	});

	it('cards the township collecting about half its fees, naming 社会抚养费征收到位率', async () => {
		const low = (await json('--period', '2024')).find((u) => u.code === withRole('fee_low').code)!;
		expect(low.indicators.fee_collection_rate.value).toBeGreaterThan(40);
		expect(low.indicators.fee_collection_rate.value).toBeLessThan(60); // the arrears line
		expect(low.card).not.toBeNull();
		expect(low.reasons.some((r) => r.startsWith('社会抚养费征收到位率'))).toBe(true);
	});

	it('prints every township once with the fields of INTERFACES.md, ranked 1 … 19', async () => {
		const units = await json('--period', '2024');
		expect(units.map((u) => u.rank)).toEqual(Array.from({ length: 19 }, (_, k) => k + 1));
		for (const u of units) {
			expect(u.scheme).toBe('2024年度人口和计划生育目标管理责任制考核方案');
			expect(u.level).toBe('township');
			expect(['red', 'black', 'yellow', null]).toContain(u.card);
			expect(['issued', 'held', 'escalated', 'lifted', null]).toContain(u.card_status);
			expect(u.rank_change === null || Number.isInteger(u.rank_change)).toBe(true);
			expect(Object.keys(u.indicators)).toHaveLength(8);
			expect(u.indicators.checkup_rate.coverage).toHaveLength(2);
		}
		expect(units.filter((u) => u.tier === '重点整改').map((u) => u.rank)).toEqual([17, 18, 19]);
	});

	it("adds each unit's rank interval, tier probabilities and funnel places (METHODS.md), the same every run", async () => {
		type WithChance = UnitAssessment & {
			rank_interval: [number, number];
			tier_probability: Record<string, number>;
			indicators: Record<string, { funnel: string | null; limits95: [number, number] | null }>;
		};
		const units = (await json('--period', '2024')) as WithChance[];
		for (const u of units) {
			const [lo, hi] = u.rank_interval;
			expect(lo).toBeLessThanOrEqual(u.rank!);
			expect(hi).toBeGreaterThanOrEqual(u.rank!);
			const total = Object.values(u.tier_probability).reduce((a, b) => a + b, 0);
			expect(total).toBeCloseTo(1, 9);
			expect(['inside', 'above95', 'below95', 'above998', 'below998']).toContain(
				u.indicators.policy_compliance_rate.funnel
			);
			expect(u.indicators.fee_collection_rate.funnel).toBeNull(); // money: no binomial limits
		}
		const again = (await json('--period', '2024')) as WithChance[];
		expect(again.map((u) => u.rank_interval)).toEqual(units.map((u) => u.rank_interval));
	});

	it('shows the villages of one township, ranked within the whole county', async () => {
		const t = withRole('out_policy_3p');
		const units = await json('--period', '2024', '--level', 'village', '--township', t.code);
		expect(units.map((u) => u.code).sort()).toEqual(t.villages.map((v) => v.code).sort());
		expect(Math.max(...units.map((u) => u.rank ?? 0))).toBeGreaterThan(t.villages.length);
		expect(units.some((u) => u.card === 'red')).toBe(true);
	});

	it('checks the lagging villages of the half-year in July and August: lifted or black', async () => {
		const units = await json('--period', '2024H1', '--level', 'village');
		const lagging = units.filter((u) => u.rectification);
		expect(lagging.length).toBeGreaterThan(20);
		expect(lagging.length).toBeLessThanOrEqual(31);
		for (const u of lagging) {
			expect(u.rectification!.window).toEqual(['2024-07', '2024-08']);
			expect(u.reasons.some((r) => r.startsWith('后进村'))).toBe(true);
			if (u.rectification!.outcome === 'lifted') expect(u.card).toBeNull();
			else expect([u.rectification!.outcome, u.card]).toEqual(['escalated', 'black']);
		}
	});

	it('prints a table lined up by display width', async () => {
		const r = await run('--period', '2024H1');
		expect(r.code, r.stderr).toBe(0);
		const lines = r.stdout.split('\n');
		expect(lines[0]).toBe(
			'2024年度人口和计划生育目标管理责任制考核方案 · 2024H1 · 乡镇 19 个 · 变化对比 2023'
		);
		expect(lines[2]).toMatch(/^名次 {2}变化 {2}代码 +单位 +得分 {2}等次 +牌 {4}状态 {2}原因$/);
		// the score is right-aligned under 得分: it ends in the same column on every row
		const scoreEnd = displayWidth(lines[2].slice(0, lines[2].indexOf('得分') + 2));
		const rows = lines.slice(3).filter((l) => /^ *\d+ /.test(l));
		expect(rows).toHaveLength(19);
		for (const row of rows)
			expect(displayWidth(row.match(/^.*?\d+\.\d\d/)![0]), row).toBe(scoreEnd);
	});

	it('writes CSV for Excel: BOM, CRLF, a header and a row per township', async () => {
		const r = await run('--period', '2024', '--format', 'csv');
		expect(r.stdout.startsWith('\uFEFF代码,单位,级别,上级代码,期间,得分,名次')).toBe(true);
		expect(r.stdout.split('\r\n')).toHaveLength(21);
	});
});

describe('kaoping assess refuses bad input', () => {
	it('names the wrong key of a bad --scheme file and exits 1', async () => {
		const file = join(dir, 'scheme-bad.yaml');
		const good = readFileSync('data/config/scheme-2024.yaml', 'utf8');
		writeFileSync(file, good.replace('floor: 70, target: 90', 'floor: 95, target: 90'));
		const r = await run('--period', '2024', '--scheme', file);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(
			'indicators.policy_compliance_rate.floor: must be below target (90)'
		);
		expect(r.stdout).toBe('');
	});

	const usage: [name: string, args: string[], message: string][] = [
		['a period that is not one', ['--period', '2024H3'], '--period "2024H3" is not a period'],
		[
			'a period outside the data',
			['--period', '2030'],
			'--period 2030 is outside the data, which cover 2023-01 to 2024-12'
		],
		[
			'an unknown level',
			['--period', '2024', '--level', 'county'],
			'--level must be township or village'
		],
		[
			'an unknown format',
			['--period', '2024', '--format', 'xml'],
			'--format must be table, csv or json'
		],
		[
			'an unknown township',
			['--period', '2024', '--township', '999'],
			'--township 999 is not a township'
		],
		['no period', [], '--period is required']
	];
	it.each(usage)('exits 2 on %s', async (_name, args, message) => {
		const r = await run(...args);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(message);
		expect(r.stderr).toContain('usage: kaoping assess');
	});

	it('exits 1 when the directory holds no extract set', async () => {
		const rec = recordingEffects();
		expect(await main(['assess', '--data', join(dir, 'raw'), '--period', '2024'], rec.fx)).toBe(1);
		expect(rec.stderr()).toContain('holds no extract set');
	});
});
