import type { UnitAssessment } from '../assess';
import { kindOf } from '../assess/chance';
import type { Catalog } from '../config/catalog-schema';
import type { Scoring } from '../config/scheme';
import {
	bandLimits,
	classify,
	funnelCurve,
	funnelLimits,
	pooledProportion,
	proportionToRatio,
	ratioToProportion,
	type FunnelClass,
	type FunnelCurve
} from '../stats/funnel';
import { overdispersedLimits, overdispersion } from '../stats/overdispersion';

/** One unit in a funnel plot: its denominator, its value, and where it falls. */
export interface FunnelPoint {
	code: string;
	name: string;
	n: number;
	y: number;
	/** On the indicator's own scale (%, or boys per 100 girls). */
	value: number;
	place: FunnelClass;
	/** Fewer than 20 events: drawn hollow (METHODS §7). */
	small: boolean;
}

export interface FunnelData {
	points: FunnelPoint[];
	/** Limit curves on the indicator's scale, over the units' range of denominators. */
	curve: FunnelCurve;
	/** The reference line on the indicator's scale: the pooled value, or the band's ends. */
	reference: number[];
	/** Over-dispersion φ of the units around the pooled value (METHODS §3); NaN for a band. */
	phi: number;
	/** Whether the limits were widened by φ (the switch is on and φ > 1). */
	adjusted: boolean;
}

/** The indicators a funnel plot can show: event proportions and the sex ratio (METHODS §1). */
export const funnelIndicators = (catalog: Catalog, ids: readonly string[]) =>
	ids.filter((id) => kindOf(catalog, id) !== 'fixed');

/**
 * The funnel of one indicator over the units shown: x = denominator (births, married women,
 * checks due …; boys + girls for the sex ratio), y = value; exact binomial 95% and 99.8% limits
 * around the pooled value — or, for a band rule, the lower limits of its low end and the upper
 * limits of its high end.
 */
/** A unit's counts for one indicator: from an assessment, or from an indicator query's rows. */
export interface FunnelUnit {
	code: string;
	name: string;
	numerator: number | null;
	denominator: number | null;
}

export const fromAssessment = (units: readonly UnitAssessment[], id: string): FunnelUnit[] =>
	units.map((u) => ({
		code: u.code,
		name: u.name,
		numerator: u.indicators[id]?.numerator ?? null,
		denominator: u.indicators[id]?.denominator ?? null
	}));

export function funnelData(
	units: readonly FunnelUnit[],
	id: string,
	catalog: Catalog,
	scoring: Scoring | undefined,
	/** Widen the limits by the over-dispersion φ when it exceeds 1 (off by default). */
	overdispersed = false,
	/** Centre the limits on the scheme's target instead of the pooled value (a band always uses its ends). */
	againstTarget = false
): FunnelData | null {
	const sex = kindOf(catalog, id) === 'sex_ratio';
	const scale = (q: number) => (sex ? proportionToRatio(q) : q * 100);
	const counted = units.flatMap((u) => {
		if (u.numerator === null || u.denominator === null) return [];
		const n = sex ? u.numerator + u.denominator : u.denominator;
		// exact limits need counts: a rate of money or per mean population has no funnel
		return n > 0 && Number.isInteger(n) && Number.isInteger(u.numerator)
			? [{ u, y: u.numerator, n }]
			: [];
	});
	if (counted.length === 0) return null;
	const band = scoring?.rule === 'band' ? scoring : null;
	const target = targetProportion(scoring);
	const theta = againstTarget && target !== null ? target : pooledProportion(counted);
	const phi = band
		? NaN
		: overdispersion(
				counted.map((c) => ({ value: c.y / c.n, n: c.n })),
				theta
			).phi;
	const adjusted = overdispersed && phi > 1;
	const limitsAt = (n: number) =>
		band
			? bandLimits(ratioToProportion(band.low), ratioToProportion(band.high), n)
			: adjusted
				? overdispersedLimits(theta, n, phi)
				: funnelLimits(theta, n);
	const ns = counted.map((c) => c.n);
	const raw = funnelCurve(limitsAt, Math.max(1, Math.min(...ns) * 0.8), Math.max(...ns) * 1.2);
	const curve: FunnelCurve = {
		n: raw.n,
		lower998: raw.lower998.map(scale),
		lower95: raw.lower95.map(scale),
		upper95: raw.upper95.map(scale),
		upper998: raw.upper998.map(scale)
	};
	return {
		points: counted.map(({ u, y, n }) => ({
			code: u.code,
			name: u.name,
			n,
			y,
			value: scale(y / n),
			place: classify(y / n, limitsAt(n)),
			small: n < 20
		})),
		curve,
		reference: band ? [band.low, band.high] : [scale(theta)],
		phi,
		adjusted
	};
}

/** The scheme's target as a proportion (linear and linear_lower rules), or null. */
export function targetProportion(scoring: Scoring | undefined): number | null {
	if (!scoring) return null;
	if (scoring.rule === 'linear' || scoring.rule === 'linear_lower') return scoring.target / 100;
	return null;
}
