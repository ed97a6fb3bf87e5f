import { describe, expect, it } from 'vitest';
import { assess } from './index';
import { catalog, county, period, rowsFor, withScheme } from './fixture';
import type { Assessment, AssessContext } from './types';

/**
 * 后进村: 40 villages in two townships; village k (by code order) scores lower as k grows, so the
 * lowest three (38, 39, 40) are carded. In January 38 recovers, in February 39; 40 never does.
 */
const scheme = withScheme({ villages: { yellow_lowest: 3, rectification_months: 2 } });
const units = county('990101', 2, 20);
const villages = units.filter((u) => u.level === 'village').map((u) => u.code);
const policy = (k: number) => 90 - 0.4 * k;
const recovered: Record<string, number[]> = { '2025-01': [38], '2025-02': [38, 39] };

const values = villages.flatMap((code, i) => {
	const k = i + 1;
	const monthly = ['2025-01', '2025-02'].flatMap((m) =>
		rowsFor(code, m, { policy_compliance_rate: recovered[m].includes(k) ? 95 : policy(k) })
	);
	return [...rowsFor(code, '2024', { policy_compliance_rate: policy(k) }), ...monthly];
});

const run = (changes: Partial<AssessContext> = {}, s = scheme): Assessment =>
	assess(values, s, {
		catalog,
		units,
		level: 'village',
		period: period('2024'),
		checks: [period('2025-01'), period('2025-02')],
		...changes
	});
const village = (a: Assessment, k: number) => a.units.find((u) => u.code === villages[k - 1])!;

describe('后进村: the lowest villages are carded and checked monthly', () => {
	const result = run();

	it('cards the lowest three of the county yellow, and only them', () => {
		const carded = run({ checks: [] }).units.filter((u) => u.card);
		expect(carded.map((u) => u.rank)).toEqual([38, 39, 40]);
		expect(carded.every((u) => u.card === 'yellow' && u.card_status === 'issued')).toBe(true);
		expect(carded[0].reasons).toEqual([
			'后进村：综合得分 84.80，居全县最低 3 个村之列（第 38 名/共 40 个）→ 黄牌'
		]);
		expect(carded[0].tier).toBeNull();
	});

	it('lifts the card at the first month the village is no longer among the lowest', () => {
		expect(village(result, 38)).toMatchObject({ card: null, card_status: 'lifted' });
		expect(village(result, 38).rectification).toEqual({
			window: ['2025-01', '2025-02'],
			checks: [{ period: '2025-01', rank: 1, lagging: false }],
			outcome: 'lifted'
		});
		expect(village(result, 38).reasons[1]).toBe(
			'2025年1月检查：第 1 名，已不在最低 3 个村之列 → 摘牌'
		);
		expect(village(result, 39)).toMatchObject({ card: null, card_status: 'lifted' });
	});

	it('turns the card black when the window ends with the village still lagging', () => {
		expect(village(result, 40)).toMatchObject({ card: 'black', card_status: 'escalated' });
		expect(village(result, 40).reasons[0]).toBe(
			'整改期 2 个月（2025年1月、2025年2月）期满仍在最低 3 个村之列 → 黑牌'
		);
		expect(village(result, 40).rectification?.outcome).toBe('escalated');
	});

	it('keeps the card pending while the window has months without data', () => {
		const january = run({ checks: [period('2025-01')] });
		expect(village(january, 40)).toMatchObject({ card: 'yellow', card_status: 'issued' });
		expect(village(january, 40).rectification?.outcome).toBe('pending');
	});

	it('cards a share of the ranked villages with yellow_lowest_share', () => {
		const share = withScheme({ villages: { yellow_lowest_share: 0.1, rectification_months: 2 } });
		const carded = run({ checks: [] }, share).units.filter((u) => u.card);
		expect(carded.map((u) => u.rank)).toEqual([37, 38, 39, 40]);
	});

	it('does not apply the township rules (tiers, arrears) to villages', () => {
		const arrears = values.map((r) =>
			r.code === villages[0] && r.indicator === 'fee_collection_rate' ? { ...r, value: 40 } : r
		);
		const a = assess(arrears, scheme, {
			catalog,
			units,
			level: 'village',
			period: period('2024')
		});
		expect(a.units.find((u) => u.code === villages[0])!.card).toBeNull();
	});
});
