import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { coverageOf, coverageText } from './coverage';

const { catalog } = defaultConfig();
const ind = (id: string) => catalog.indicators.find((i) => i.id === id)!;
const row = (used: number, due: number, months: number) => ({
	used,
	due,
	months,
	carried: 3,
	start_estimated: 0
});

describe('coverage', () => {
	it.each([
		[287, 300, 0.9, true],
		[270, 300, 0.9, true],
		[269, 300, 0.9, false],
		[0, 0, 0.9, false]
	])('%s of %s at threshold %s: complete %s', (used, due, threshold, complete) => {
		expect(coverageOf(row(used, due, 1), threshold).complete).toBe(complete);
	});

	it('reads in villages for one month or an end stock, in village-months over months', () => {
		expect(coverageText(row(287, 300, 1), ind('policy_compliance_rate'), 'county', 'zh')).toBe(
			'覆盖 287/300 村'
		);
		expect(coverageText(row(287, 300, 6), ind('contraceptive_prevalence'), 'township', 'zh')).toBe(
			'覆盖 287/300 村'
		);
		expect(coverageText(row(3420, 3600, 12), ind('checkup_rate'), 'county', 'zh')).toBe(
			'覆盖 3,420/3,600 村·月'
		);
		expect(coverageText(row(2, 3, 3), ind('birth_rate'), 'village', 'zh')).toBe('覆盖 2/3 个月');
		expect(coverageText(row(3420, 3600, 12), ind('checkup_rate'), 'county', 'en')).toBe(
			'coverage 3,420 of 3,600 village-months'
		);
	});

	it('carries the carried stocks and the estimated start', () => {
		expect(coverageOf({ ...row(9, 9, 3), start_estimated: 3 }, 0.9)).toMatchObject({
			carried: 3,
			startEstimated: true
		});
	});
});
