import { readFileSync } from 'node:fs';
import { parseCatalog } from '../config/catalog';
import { parseScheme, type Scheme } from '../config/scheme';
import { parsePeriod, type Period } from '../periods';
import type { IndicatorRow } from '../query/types';
import type { Unit } from './types';

/**
 * Test support for the assessment (imported by tests only): the shipped catalog and 2024
 * scheme, synthetic counties, and indicator rows written as plain values.
 */
export const catalog = parseCatalog(readFileSync('data/config/indicators.yaml', 'utf8'));
export const scheme2024 = parseScheme(
	readFileSync('data/config/scheme-2024.yaml', 'utf8'),
	catalog
);

export const period = (text: string): Period => {
	const p = parsePeriod(text);
	if (!p) throw new Error(`not a period: ${text}`);
	return p;
};

/** Full marks on every indicator of the 2024 scheme, and no out-of-policy birth. */
export const perfect: Readonly<Record<string, number | null>> = {
	policy_compliance_rate: 95,
	contraceptive_prevalence: 90,
	checkup_rate: 96,
	fee_collection_rate: 85,
	sex_ratio_at_birth: 105,
	prepreg_check_completion: 95,
	floating_check_rate: 96,
	unreported_birth_rate: 0.5,
	out_policy_multi_births: 0
};

/** County `code` with townships `code + 001 …` and, per township, villages `+ 001 …`. */
export function county(code: string, townships: number, villagesEach = 0): Unit[] {
	const units: Unit[] = [{ code, name: `${code}县`, level: 'county', parent_code: null }];
	for (let t = 1; t <= townships; t++) {
		const tc = `${code}${String(t).padStart(3, '0')}`;
		units.push({ code: tc, name: `乡镇${t}`, level: 'township', parent_code: code });
		for (let v = 1; v <= villagesEach; v++) {
			const vc = `${tc}${String(v).padStart(3, '0')}`;
			units.push({ code: vc, name: `村${t}-${v}`, level: 'village', parent_code: tc });
		}
	}
	return units;
}

/** One unit's rows for a period: `perfect` overridden by `values` (null = no value). */
export function rowsFor(
	code: string,
	periodText: string,
	values: Record<string, number | null> = {}
): IndicatorRow[] {
	const p = period(periodText);
	return Object.entries({ ...perfect, ...values }).map(([indicator, value]) => ({
		code,
		indicator,
		period_key: p.text,
		period_from: p.from,
		period_to: p.to,
		months: p.to - p.from + 1,
		last_month: p.to,
		numerator: value,
		denominator: value === null ? null : 100,
		value,
		annualised: false,
		due: 12,
		reported: 12,
		used: value === null ? 0 : 12,
		carried: 0,
		start_estimated: 0
	}));
}

/**
 * Every unit of `level` × the 2024 scheme's indicators × `periods`, each value the full-marks
 * value plus seeded noise of ±10 (a deterministic LCG): a large, varied assessment input.
 */
export function noisyValues(
	units: readonly Unit[],
	level: Unit['level'],
	periods: readonly Period[]
) {
	const rows: IndicatorRow[] = [];
	let seed = 1;
	const noise = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 20;
	for (const p of periods)
		for (const u of units.filter((x) => x.level === level)) {
			const values = Object.fromEntries(
				Object.entries(perfect).map(([id, full]) => [
					id,
					id === 'out_policy_multi_births' ? 0 : full! + noise()
				])
			);
			rows.push(...rowsFor(u.code, p.text, values));
		}
	return rows;
}

/** The 2024 scheme with some of it replaced (another year's weights, a villages block …). */
export const withScheme = (changes: Partial<Scheme>): Scheme => ({ ...scheme2024, ...changes });
