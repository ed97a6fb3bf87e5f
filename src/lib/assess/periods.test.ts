import { describe, expect, it } from 'vitest';
import { period, scheme2024, withScheme } from './fixture';
import {
	assessmentPeriods,
	elapsedMonths,
	finalPeriod,
	rectificationMonths,
	schemeForPeriod
} from './periods';

const scheme2026 = withScheme({ year: 2026, name: '2026年度方案', periods: ['2026Q2', '2026'] });
const schemes = new Map([
	[2024, scheme2024],
	[2026, scheme2026]
]);
const texts = (text: string) => assessmentPeriods(schemes, period(text)).map((p) => p.text);

describe('which scheme judges a period', () => {
	const cases: [year: number, scheme: number, borrowed: boolean][] = [
		[2024, 2024, false],
		[2025, 2024, true],
		[2026, 2026, false],
		[2030, 2026, true],
		[2020, 2024, true]
	];
	it.each(cases)('%i is judged by the %i scheme (borrowed: %s)', (year, want, borrowed) => {
		const choice = schemeForPeriod(schemes, { year })!;
		expect(choice.scheme.year).toBe(want);
		expect(choice.note !== null).toBe(borrowed);
	});

	it('says when it borrows another year’s scheme', () => {
		expect(schemeForPeriod(schemes, { year: 2025 })!.note!.zh).toBe(
			'2025 年没有考核方案，沿用2024年度人口和计划生育目标管理责任制考核方案（2024 年）'
		);
		expect(schemeForPeriod(new Map(), { year: 2024 })).toBeNull();
	});
});

describe('the periods an assessment needs', () => {
	const cases: [name: string, period: string, periods: string[]][] = [
		[
			'the year end: last year’s final, the half-year check, the year',
			'2024',
			['2023', '2024H1', '2024']
		],
		['the half-year check: last year’s final, then itself', '2024H1', ['2023', '2024H1']],
		['a month after the half-year check', '2024-08', ['2023', '2024H1', '2024-08']],
		['a month before any check of the year', '2024-03', ['2023', '2024-03']],
		['a year judged by a carried-over scheme', '2025', ['2024', '2025H1', '2025']],
		['a scheme whose checks differ from last year’s', '2026', ['2025', '2026Q2', '2026']]
	];
	it.each(cases)('%s', (_name, p, want) => {
		expect(texts(p)).toEqual(want);
	});

	it('knows the year end and the months elapsed', () => {
		expect(finalPeriod(scheme2024, 2025)?.text).toBe('2025');
		expect(elapsedMonths(period('2024H1'))).toBe(6);
		expect(elapsedMonths(period('2024'))).toBe(12);
	});

	it('lists the monthly rectification checks after a period', () => {
		const villages = withScheme({ villages: { yellow_lowest: 31, rectification_months: 2 } });
		expect(rectificationMonths(villages, period('2024')).map((p) => p.text)).toEqual([
			'2025-01',
			'2025-02'
		]);
		expect(rectificationMonths(withScheme({ villages: undefined }), period('2024'))).toEqual([]);
	});
});
