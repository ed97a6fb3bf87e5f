import type { Assessment, Incident, Unit } from '../assess';
import type { Config } from '../config';
import type { IndicatorRow } from '../query/types';
import {
	assessmentUnitsQuery,
	assessmentValuesQuery,
	incidentsQuery,
	runAssessment,
	townshipsOf,
	type AssessmentPlan
} from '../views/assessment';
import { liveRows } from './live-rows.svelte';

export interface LiveAssessment {
	/** The assessment of the current plan, or null until its rows are there. */
	readonly assessment: Assessment | null;
	readonly units: Unit[] | null;
	/** Rows on screen answer an earlier plan while the new one is computed. */
	readonly stale: boolean;
	readonly error: string | null;
}

/**
 * An assessment that follows the page's plan: the same three queries `kaoping assess` runs
 * (precomputed for the default view, else DuckDB), judged by the same pure function. Villages of
 * one township load that township's file only; "every village" loads the county's.
 * Call during component initialisation.
 */
export function liveAssessment(
	config: () => Config,
	plan: () => AssessmentPlan | null,
	county: () => string
): LiveAssessment {
	const incQuery = incidentsQuery();
	const units = liveRows<Unit>(() => assessmentUnitsQuery(county()));
	const incidents = liveRows<Incident>(() => incQuery);
	const valuesQuery = $derived.by(() => {
		const p = plan();
		if (!p || (p.level === 'village' && !units.rows)) return null;
		// villages are ranked within their county (the lowest N of the county are carded), so every
		// township's villages are judged even when the page shows one township's
		const townships = p.level === 'village' ? townshipsOf(units.rows!, county()) : undefined;
		return assessmentValuesQuery(config(), p, { county: county(), townships });
	});
	const values = liveRows<IndicatorRow>(() => valuesQuery);
	// rows are judged only with the plan that asked for them; until they come the last stays
	let last: Assessment | null = null;
	const assessment = $derived.by(() => {
		const p = plan();
		const q = valuesQuery;
		if (!p || !q || values.key !== q.key || !values.rows || !units.rows || !incidents.rows)
			return last;
		return (last = runAssessment(config(), p, values.rows, units.rows, incidents.rows));
	});
	return {
		get assessment() {
			return assessment;
		},
		get units() {
			return units.rows;
		},
		get stale() {
			return valuesQuery !== null && values.key !== valuesQuery.key;
		},
		get error() {
			return values.error ?? units.error ?? incidents.error;
		}
	};
}
