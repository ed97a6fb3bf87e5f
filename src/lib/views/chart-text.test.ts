import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../cli/config-files';
import { panelText, sparklineText, targetVerdict } from './chart-text';

const { catalog } = defaultConfig();
const rate = catalog.indicators.find((i) => i.id === 'policy_compliance_rate')!;
const points = [
	{ period_key: '2022', value: 91.5 },
	{ period_key: '2023', value: null },
	{ period_key: '2024', value: 88.76 }
];

describe('pictures in words', () => {
	it("a sparkline names every year's value, a missing one as a dash", () => {
		expect(sparklineText(points, rate, 'zh')).toBe(
			'2022年至2024年各年同期：2022年 91.50%，2023年 —，2024年 88.76%'
		);
		expect(sparklineText(points, rate, 'en')).toMatch(
			/^Same period 2022–2024: 2022 91\.50%, 2023 —, 2024 88\.76%$/
		);
		expect(sparklineText([], rate, 'zh')).toBe('');
	});

	it('a small multiple gives its first, last, lowest and highest values with their periods', () => {
		const rows = [
			{ period_key: '2019Q1', value: 90 },
			{ period_key: '2019Q2', value: 95.25 },
			{ period_key: '2019Q3', value: 80.5 },
			{ period_key: '2019Q4', value: null }
		];
		const zh = panelText('北关街道', rows, rate, 'zh');
		expect(zh).toMatch(/^北关街道：从 90\.00%（2019年.*）到 80\.50%（2019年.*）；最低 80\.50%/);
		expect(zh).toContain('最高 95.25%');
		expect(panelText('Beiguan', rows, rate, 'en')).toMatch(
			/^Beiguan: from 90\.00% \(.*2019.*\) to 80\.50% \(.*\); lowest 80\.50% \(.*\), highest 95\.25% \(.*\)$/
		);
		expect(panelText('北关街道', [{ period_key: '2019Q1', value: null }], rate, 'zh')).toBe(
			'北关街道：无数据'
		);
	});

	it('says whether a target is met in words, a band as inside or outside', () => {
		const line = { kind: 'at_least', value: 90 } as const;
		const band = { kind: 'band', low: 103, high: 107 } as const;
		expect(targetVerdict({ met: true, target: line })).toBe('tile.met');
		expect(targetVerdict({ met: false, target: line })).toBe('tile.notMet');
		expect(targetVerdict({ met: true, target: band })).toBe('tile.inBand');
		expect(targetVerdict({ met: false, target: band })).toBe('tile.outOfBand');
		expect(targetVerdict({ met: null, target: line })).toBeNull();
		expect(targetVerdict({ met: true, target: null })).toBeNull();
	});
});
