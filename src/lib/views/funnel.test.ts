import { describe, expect, it } from 'vitest';
import { assess } from '../assess';
import { catalog, county, period, rowsFor, scheme2024 } from '../assess/fixture';
import { fromAssessment, funnelData, funnelIndicators } from './funnel';

describe('funnel plot data', () => {
	const units = county('990101', 10);
	const towns = units.filter((u) => u.level === 'township');
	// nine alike at 85% of 1,000 births, one built to lie above the 99.8% limit
	const values = towns.flatMap((u, i) =>
		rowsFor(u.code, '2024').map((r) =>
			r.indicator === 'policy_compliance_rate'
				? { ...r, numerator: i === 9 ? 990 : 850, denominator: 1000, value: i === 9 ? 99 : 85 }
				: r
		)
	);
	const a = assess(values, scheme2024, {
		catalog,
		units,
		level: 'township',
		period: period('2024')
	});

	it('places each unit against exact limits around the pooled value', () => {
		const d = funnelData(
			fromAssessment(a.units, 'policy_compliance_rate'),
			'policy_compliance_rate',
			catalog,
			scheme2024.indicators.policy_compliance_rate
		)!;
		expect(d.reference).toEqual([86.4]);
		expect(d.points.find((p) => p.code === towns[9].code)!.place).toBe('above998');
		expect(d.points.filter((p) => p.place === 'inside')).toHaveLength(9);
		// limits narrow as the denominator grows
		const width = (i: number) => d.curve.upper95[i] - d.curve.lower95[i];
		expect(width(0)).toBeGreaterThan(width(d.curve.n.length - 1));
	});

	it('widens the limits by the over-dispersion φ only when asked and φ > 1 (METHODS §3)', () => {
		const s = scheme2024.indicators.policy_compliance_rate;
		const plain = funnelData(
			fromAssessment(a.units, 'policy_compliance_rate'),
			'policy_compliance_rate',
			catalog,
			s
		)!;
		const wide = funnelData(
			fromAssessment(a.units, 'policy_compliance_rate'),
			'policy_compliance_rate',
			catalog,
			s,
			true
		)!;
		expect(plain.phi).toBeGreaterThan(1); // one unit far above the nine
		expect([plain.adjusted, wide.adjusted]).toEqual([false, true]);
		const last = plain.curve.n.length - 1;
		expect(wide.curve.upper95[last]).toBeGreaterThan(plain.curve.upper95[last]);
		expect(wide.phi).toBe(plain.phi);
	});

	it("centres on the scheme's target when asked", () => {
		const s = scheme2024.indicators.policy_compliance_rate;
		const d = funnelData(
			fromAssessment(a.units, 'policy_compliance_rate'),
			'policy_compliance_rate',
			catalog,
			s,
			false,
			true
		)!;
		expect(d.reference).toEqual([90]);
		// 85% of 1,000 is clearly below a 90% target
		expect(d.points.find((p) => p.code === towns[0].code)!.place).toBe('below998');
	});

	it('offers event proportions and the sex ratio, not money or tasks', () => {
		expect(funnelIndicators(catalog, Object.keys(scheme2024.indicators))).toEqual([
			'policy_compliance_rate',
			'contraceptive_prevalence',
			'checkup_rate',
			'sex_ratio_at_birth',
			'floating_check_rate',
			'unreported_birth_rate'
		]);
	});
});
