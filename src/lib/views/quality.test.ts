import { describe, expect, it } from 'vitest';
import type { Manifest } from '../extract/schema';
import { monthIndex } from '../periods';
import type { ReportCellRow } from '../query/quality';
import { completeness } from '../stats';
import {
	defaultQualityState,
	parseQuality,
	qualityMonthHref,
	qualityPeriods,
	qualityVerdict,
	outlierIndicators,
	serializeQuality,
	unitPeriodFor
} from './quality';
import { outlierRows, reportMatrix, unreportedShare } from './quality-tables';
import type { IndicatorRow } from '../query/types';

const manifest = {
	periods: { from: '2023-01', to: '2024-12', latest: '2024-12' }
} as unknown as Manifest;
const partial = {
	periods: { from: '2023-01', to: '2024-05', latest: '2024-05' }
} as unknown as Manifest;

describe('quality page URL state', () => {
	it('defaults to the latest year (to date when unfinished), the county and 3.5', () => {
		expect(defaultQualityState(manifest)).toEqual({ period: '2024', township: '', threshold: 3.5 });
		expect(defaultQualityState(partial).period).toBe('2024-05YTD');
	});

	it.each([
		[
			'period=2024H1&township=990101001000&z=3',
			{ period: '2024H1', township: '990101001000', threshold: 3 }
		],
		['period=2024-03', { period: '2024-03', township: '', threshold: 3.5 }],
		// outside the data, not a code, a threshold out of range: the defaults
		['period=2025&township=abc&z=0.2', { period: '2024', township: '', threshold: 3.5 }],
		['period=2022-12&z=x', { period: '2024', township: '', threshold: 3.5 }]
	])('%s', (query, state) => {
		expect(parseQuality(new URLSearchParams(query), manifest)).toEqual(state);
		const again = serializeQuality(state, 'zh');
		expect(parseQuality(again, manifest)).toEqual(state);
	});

	it('writes the period always, the rest only when not the default, and the language', () => {
		const s = { period: '2024', township: '', threshold: 3.5 };
		expect(serializeQuality(s, 'zh').toString()).toBe('period=2024');
		expect(serializeQuality({ ...s, threshold: 2.5 }, 'en').toString()).toBe(
			'period=2024&z=2.5&lang=en'
		);
		expect(qualityMonthHref(monthIndex(2024, 5), '990101003000', s, 'zh')).toBe(
			'quality/?period=2024-05&township=990101003000'
		);
	});

	it('offers the months of the latest year, then years and halves', () => {
		const p = qualityPeriods(partial);
		expect(p.slice(0, 6)).toEqual([
			'2024-05',
			'2024-04',
			'2024-03',
			'2024-02',
			'2024-01',
			'2024-05YTD'
		]);
		expect(p.slice(6)).toEqual(['2023', '2023H2', '2023H1']);
	});

	it('links an item to the shortest unit-page period that holds it', () => {
		const options = [{ key: '2024' }, { key: '2024H1' }, { key: '2024-11YTD' }, { key: '2023' }];
		expect(unitPeriodFor(monthIndex(2024, 5), monthIndex(2024, 5), options)).toBe('2024H1');
		expect(unitPeriodFor(monthIndex(2024, 9), monthIndex(2024, 9), options)).toBe('2024-11YTD');
		expect(unitPeriodFor(monthIndex(2024, 1), monthIndex(2024, 12), options)).toBe('2024');
		expect(unitPeriodFor(monthIndex(2022, 1), monthIndex(2022, 1), options)).toBe('2024');
	});
});

const row = (code: string, month: number, over: Partial<ReportCellRow> = {}): ReportCellRow => ({
	code,
	name: `${code}村`,
	township_code: 'T',
	township_name: '镇',
	month,
	submitted_on: '2024-02-01',
	received: 1,
	on_time: 1,
	judged: 1,
	carried: 0,
	...over
});

describe('the verdict (known answers)', () => {
	it('says what the example of the issue says, numbers formatted', () => {
		// 300 villages × 12 months: 3,372 on time, 216 late, 12 missing (5 of them carried)
		const c = {
			...completeness([]),
			due: 3600,
			received: 3588,
			onTime: 3372,
			late: 216,
			missing: 12,
			carried: 5,
			judged: 3600,
			onTimeRate: 3372 / 3600
		};
		expect(qualityVerdict(c, 300, { found: 14, reported: 3120 }, 'zh')).toBe(
			'本期 300 个村应报 3,600 份，按时 3,372 份（93.7%），迟报 216 份，缺报 12 份（其中 5 份沿用此前存量），清理出漏报出生 14 人（同期报告出生 3,120 人）。'
		);
		expect(qualityVerdict({ ...c, carried: 0, pending: 3 }, 300, null, 'en')).toBe(
			'This period 300 villages owed 3,600 reports, 3,372 on time (93.7%), 216 late, 12 missing, 3 not yet due.'
		);
	});

	it('from the cells', () => {
		const cells = [
			row('a', 1),
			row('a', 2, { on_time: 0 }),
			row('b', 1, { received: 0, on_time: 0 }),
			row('b', 2)
		];
		expect(qualityVerdict(completeness(cells), 2, null, 'zh')).toBe(
			'本期 2 个村应报 4 份，按时 2 份（50.0%），迟报 1 份，缺报 1 份。'
		);
	});
});

describe('reportMatrix', () => {
	const cells = [
		row('a', 10),
		row('a', 11),
		row('b', 10),
		row('b', 11, { received: 0, on_time: 0, carried: 1 })
	];

	it('lays villages against the months, each cell with its status', () => {
		const m = reportMatrix(cells, 10, 12, false);
		expect(m.months).toEqual([10, 11, 12]);
		expect(m.villages).toBe(2);
		expect(m.rows.map((r) => [r.code, r.cells.map((c) => c?.status ?? null), r.problems])).toEqual([
			['a', ['on_time', 'on_time', null], 0],
			['b', ['on_time', 'carried', null], 1]
		]);
	});

	it('keeps only villages with problems when asked', () => {
		const m = reportMatrix(cells, 10, 11, true);
		expect(m.rows.map((r) => r.code)).toEqual(['b']);
		expect(m.villages).toBe(2);
	});
});

describe('unreportedShare', () => {
	it.each([
		[1, 33, 1 / 34],
		[0, 0, null],
		[null, 10, null]
	])('%s found, %s reported → %s', (found, reported, share) =>
		expect(unreportedShare(found, reported)).toBe(share)
	);
});

describe('outlierIndicators', () => {
	it('checks every indicator but the reports’ own timeliness', async () => {
		const { defaultConfig } = await import('../../cli/config-files');
		const config = defaultConfig();
		const ids = outlierIndicators(config);
		expect(ids).not.toContain('report_timeliness');
		expect(ids).toContain('death_rate');
		expect(ids).toHaveLength(config.catalog.indicators.length - 1);
	});
});

describe('outlierRows', () => {
	const outlier = (indicator: string, range: [number, number]) => ({
		item: {
			indicator,
			code: '1',
			period_key: '2024',
			period_from: 0,
			period_to: 11,
			numerator: 1,
			denominator: 2
		} as unknown as IndicatorRow,
		group: 'g',
		value: 50,
		z: 4,
		median: 10,
		expectedRange: range,
		source: 'mad' as const
	});

	it('starts the expected range of a ratio at 0, and lets a difference go below it', async () => {
		const { defaultConfig } = await import('../../cli/config-files');
		const rows = outlierRows(
			[outlier('death_rate', [-5, 25]), outlier('natural_growth_rate', [-5, 25])],
			defaultConfig(),
			new Map()
		);
		expect(rows.map((r) => r.range)).toEqual([
			[0, 25],
			[-5, 25]
		]);
	});
});
