import type { Role, Township } from './model';
import { clamp, logistic, type Rng } from './random';

/** One township's latent state in one year; every rate below follows the work quality. */
export interface YearParams {
	year: number;
	quality: number;
	/** Expected births and deaths per 1000 people per year. */
	birthRate: number;
	deathRate: number;
	inMigration: number;
	outMigration: number;
	maleShare: number;
	parity3: number;
	parity2: number;
	compliance: number;
	prevalence: number;
	checkRate: number;
	feeRate: number;
	floatingCheckRate: number;
	feedbackRate: number;
	lateProb: number;
	/** Scales service volumes (operations, pre-pregnancy checks). */
	serviceFactor: number;
	prepregCompletion: number;
	fourOpsCompletion: number;
	/** Share of a half-year's births found unreported by the half-year and year-end clean-ups. */
	unreportedShare: number;
}

/**
 * A latent work quality that follows a seeded random walk year by year, so that townships
 * improve or slip and the ranking changes; the designed defects override single rates.
 */
export function yearParams(rng: Rng, t: Township, years: number[]): YearParams[] {
	const birthBase = rng.range(10.6, 12);
	const deathBase = rng.range(5.2, 6.3);
	const inMigration = rng.range(4, 9);
	const outMigration = inMigration + rng.range(-1, 3.5);
	const ratioBase = t.roles.includes('sex_ratio_high') ? 118 : rng.range(104, 109.5);
	const parity3Base = rng.range(0.055, 0.08);
	const parity2 = rng.range(0.45, 0.5);
	const lastYear = years[years.length - 1];
	const fakeYear = clamp(2023, years[0], lastYear);
	let q = rng.normal();
	return years.map((year, k) => {
		if (k > 0) q = 0.72 * q + 0.7 * rng.normal();
		const s = logistic(1.3 * q);
		const ratio = ratioBase + rng.normal() * (t.roles.includes('sex_ratio_high') ? 0.8 : 1.2);
		// Births peaked with the two-child policy (2016–17) and have fallen every year since.
		const trend = clamp(1.1 - 0.045 * (year - 2017), 0.78, 1.12);
		const has = (r: Role) => t.roles.includes(r);
		return {
			year,
			quality: q,
			birthRate: clamp(birthBase * trend, 9.3, 12.5),
			deathRate: clamp(deathBase + 0.05 * (year - 2019), 5, 7),
			inMigration,
			outMigration,
			maleShare: ratio / (100 + ratio),
			// The three-child policy of 2021 raised third births a little.
			parity3: parity3Base + (year >= 2021 ? 0.01 : 0),
			parity2,
			compliance:
				has('out_policy_3p') && year === lastYear ? rng.range(0.72, 0.76) : 0.865 + 0.11 * s,
			prevalence: 0.88 + 0.05 * s,
			// Faked checks look perfect: that is how the inspectors of seed 002 noticed them.
			checkRate: has('fake_checks') && year === fakeYear ? 0.995 : 0.9 + 0.085 * s,
			feeRate: has('fee_low') ? rng.range(0.495, 0.505) : 0.42 + 0.5 * s,
			floatingCheckRate: 0.9 + 0.09 * s,
			feedbackRate: 0.89 + 0.085 * s,
			lateProb: 0.075 - 0.06 * s,
			serviceFactor: 0.85 + 0.3 * s,
			prepregCompletion: has('prepreg_lag') ? rng.range(0.36, 0.42) : 0.62 + 0.45 * s,
			fourOpsCompletion: 0.64 + 0.44 * s,
			unreportedShare: has('unreported_births') ? rng.range(0.025, 0.035) : 0
		};
	});
}
