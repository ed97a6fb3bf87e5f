import { describe, expect, it } from 'vitest';
import { countyOfScope } from './trends';
import { defaultConfig } from '../../cli/config-files';
import type { Manifest } from '../extract/schema';
import { monthIndex } from '../periods';
import {
	langOf,
	parseOverview,
	parseTrends,
	serializeOverview,
	serializeTrends
} from './url-state';

const config = defaultConfig();
const manifest = {
	counties: [
		{ code: '990101', name: '甲县' },
		{ code: '990102', name: '乙县' }
	],
	periods: { from: '2019-01', to: '2024-12', latest: '2024-12' }
} as Manifest;

const q = (s: string) => new URLSearchParams(s);

describe('overview URL', () => {
	const cases: [string, string, { county: string; period: string }][] = [
		['empty URL gives the defaults', '', { county: '990101', period: '2024-12YTD' }],
		[
			'a chosen county and quarter',
			'county=990102&period=2023Q2',
			{ county: '990102', period: '2023Q2' }
		],
		['an unknown county falls back', 'county=123456', { county: '990101', period: '2024-12YTD' }],
		[
			'a period after the data falls back',
			'period=2025',
			{ county: '990101', period: '2024-12YTD' }
		],
		['nonsense falls back', 'period=<script>', { county: '990101', period: '2024-12YTD' }]
	];
	it.each(cases)('%s', (_n, search, expected) =>
		expect(parseOverview(q(search), manifest)).toEqual(expected)
	);

	it('round-trips and leaves defaults out', () => {
		const s = { county: '990102', period: '2024H1' };
		const p = serializeOverview(s, manifest, 'en');
		expect(p.toString()).toBe('county=990102&period=2024H1&lang=en');
		expect(parseOverview(p, manifest)).toEqual(s);
		expect(langOf(p)).toBe('en');
		expect(serializeOverview(parseOverview(q(''), manifest), manifest, 'zh').toString()).toBe('');
	});
});

describe('trends URL', () => {
	it('round-trips every selection', () => {
		const s = {
			indicator: 'fee_collection_rate',
			level: 'village' as const,
			units: ['990101001201', '990101001202'],
			scope: '990101001',
			granularity: 'month' as const,
			annualise: true,
			from: monthIndex(2021, 3),
			to: monthIndex(2023, 9),
			phi: true,
			target: true,
			highlight: ['990101001202', '990101001201']
		};
		const p = serializeTrends(s, config, manifest, 'zh');
		expect(parseTrends(p, config, manifest)).toEqual(s);
	});

	it('drops what it does not know: indicator, level, codes with letters, months outside the data', () => {
		const s = parseTrends(
			q('ind=nope&level=province&units=990101001,abc%3Cimg%3E&g=week&from=2010-01&to=2030-01'),
			config,
			manifest
		);
		expect(s).toMatchObject({
			indicator: 'policy_compliance_rate',
			level: 'county',
			units: ['990101001'],
			granularity: 'quarter',
			from: monthIndex(2019, 1),
			to: monthIndex(2024, 12)
		});
	});

	it('keeps at most five highlighted units, and only codes', () => {
		const s = parseTrends(
			q('hl=1,990101001201,990101001202,990101001203,990101001204,990101001205,990101001206'),
			config,
			manifest
		);
		expect(s.highlight).toEqual([
			'990101001201',
			'990101001202',
			'990101001203',
			'990101001204',
			'990101001205'
		]);
	});

	it('swaps a reversed range', () => {
		const s = parseTrends(q('from=2024-01&to=2020-01'), config, manifest);
		expect([s.from, s.to]).toEqual([monthIndex(2020, 1), monthIndex(2024, 1)]);
	});
});

describe('countyOfScope', () => {
	const counties = [{ code: '990321000000' }];
	const township = {
		code: '990321001000',
		name: '东坡镇',
		level: 'township' as const,
		parent_code: '990321000000',
		sort_order: 1
	};
	const cases: [string, string, Parameters<typeof countyOfScope>[2], string | null][] = [
		['a county scope is its own county', '990321000000', null, '990321000000'],
		[
			'a township scope takes its parent from the units rows, 12-digit codes included',
			'990321001000',
			[township],
			'990321000000'
		],
		['a township not looked up yet has no county yet', '990321001000', null, null],
		['an unknown scope has none', '123', [township], null]
	];
	it.each(cases)('%s', (_n, scope, rows, expected) =>
		expect(countyOfScope(scope, counties, rows)).toBe(expected)
	);
});

describe('the default period is the last month most villages reported', () => {
	it('is not moved by one early report', () => {
		const early = {
			...manifest,
			periods: { from: '2019-01', to: '2024-04', latest: '2024-03' }
		} as Manifest;
		expect(parseOverview(q(''), early).period).toBe('2024-03YTD');
		// the early month can still be chosen
		expect(parseOverview(q('period=2024-04'), early).period).toBe('2024-04');
	});
});
