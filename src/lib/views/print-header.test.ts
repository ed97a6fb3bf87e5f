import { describe, expect, it } from 'vitest';
import { monthIndex } from '../periods';
import { monthRangeText, printHeader } from './print-header';

const manifest = {
	counties: [{ code: '990101', name: '南峪县' }],
	periods: { from: '2019-01', to: '2024-12', latest: '2024-12' },
	generator: 'kaoping 0.1.0',
	today: '2025-01-05'
};
const now = new Date(2025, 2, 8, 9, 0);

describe('printHeader', () => {
	it('names the county, the period shown, the data set and the print day', () => {
		expect(printHeader(manifest, { county: '南峪县', period: '2024年' }, 'zh', now)).toEqual({
			county: '南峪县',
			period: '期间：2024年',
			dataset: '数据：kaoping 0.1.0，2025年1月5日生成',
			printed: '打印日期：2025年3月8日'
		});
		expect(printHeader(manifest, { county: '南峪县', period: 'H1 2024' }, 'en', now)).toEqual({
			county: '南峪县',
			period: 'Period: H1 2024',
			dataset: 'Data: kaoping 0.1.0, built 5 Jan 2025',
			printed: 'Printed 8 Mar 2025'
		});
	});

	it("falls back to every county and the data set's months on a page without a period", () => {
		const two = {
			...manifest,
			counties: [...manifest.counties, { code: '990102', name: '北岭县' }]
		};
		const parts = printHeader(two, {}, 'zh', now);
		expect(parts.county).toBe('南峪县、北岭县');
		expect(parts.period).toBe('期间：2019年1月至2024年12月');
	});

	it('still dates the sheet when the data set could not be read', () => {
		expect(printHeader(null, {}, 'zh', now)).toEqual({
			county: '',
			period: '',
			dataset: '',
			printed: '打印日期：2025年3月8日'
		});
	});
});

describe('monthRangeText', () => {
	it('writes a range, and a single month once', () => {
		expect(monthRangeText(monthIndex(2019, 1), monthIndex(2024, 12), 'en')).toBe(
			'Jan 2019 – Dec 2024'
		);
		expect(monthRangeText(monthIndex(2024, 3), monthIndex(2024, 3), 'zh')).toBe('2024年3月');
	});
});
