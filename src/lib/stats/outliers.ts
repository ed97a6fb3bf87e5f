/**
 * Outliers on the data-quality page (METHODS §6): the modified z-score of Iglewicz & Hoaglin
 * (1993), M_i = 0.6745 · (x_i − median) / MAD with MAD = median |x_i − median|, flagged when
 * |M_i| > 3.5. Used across the units of a level for one period and across a unit's own months.
 */
import { median, sortedFinite } from './quantile';

/** 0.6745 ≈ Φ⁻¹(0.75): MAD / 0.6745 estimates σ for normal data. */
const MAD_TO_SIGMA = 1 / 0.6745;
/** 1.2533 ≈ √(π/2): 1.2533 · mean |x − median| estimates σ for normal data. */
const MEAN_AD_TO_SIGMA = 1.2533;

/** How the spread was measured. */
export type SpreadSource = 'mad' | 'mean_ad' | 'none';

/** Result of modifiedZScores, arrays parallel to the input. */
export interface OutlierResult {
	median: number;
	/** median |x_i − median|. */
	mad: number;
	/** The σ estimate used: MAD/0.6745, or 1.2533 · mean |x_i − median| when MAD = 0, or 0. */
	sigma: number;
	/** 'mad' normally; 'mean_ad' for the MAD = 0 fallback; 'none' when that is 0 too. */
	source: SpreadSource;
	/** M_i = (x_i − median) / sigma; NaN for a missing value, 0 for all when source is 'none'. */
	m: number[];
	/** |M_i| > threshold. Never true when source is 'none' or the value is missing. */
	flags: boolean[];
	/** median ± threshold · sigma: values strictly outside are flagged. */
	expectedRange: [number, number];
	threshold: number;
}

/**
 * Modified z-scores and outlier flags (METHODS §6). Non-finite values (missing reports) are
 * ignored for the median and MAD and are never flagged.
 *
 * When MAD = 0 (more than half the values equal), METHODS uses 1.2533 · mean |x_i − median| "in
 * its place". 1.2533 · mean absolute deviation is an estimate of σ, not of MAD, so it replaces
 * MAD/0.6745 (as in IBM SPSS's documented rule, M_i = (x_i − median) / (1.253314 · MeanAD));
 * substituting it for MAD in 0.6745 · (x − median)/MAD would shrink every M_i by 0.6745.
 */
export function modifiedZScores(values: readonly number[], threshold = 3.5): OutlierResult {
	if (!(threshold > 0)) throw new RangeError(`threshold ${threshold} must be positive`);
	const finite = sortedFinite(values);
	const med = median(finite);
	const deviations = Array.from(finite, (x) => Math.abs(x - med));
	const mad = median(deviations);

	let sigma = 0;
	let source: SpreadSource = 'none';
	if (mad > 0) {
		sigma = mad * MAD_TO_SIGMA;
		source = 'mad';
	} else if (deviations.length > 0) {
		const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
		if (meanAd > 0) {
			sigma = MEAN_AD_TO_SIGMA * meanAd;
			source = 'mean_ad';
		}
	}

	const m = values.map((x) =>
		!Number.isFinite(x) ? NaN : source === 'none' ? 0 : (x - med) / sigma
	);
	return {
		median: med,
		mad,
		sigma,
		source,
		m,
		flags: m.map((z) => Math.abs(z) > threshold),
		expectedRange: [med - threshold * sigma, med + threshold * sigma],
		threshold
	};
}
