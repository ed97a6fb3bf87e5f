import type { Assessment, Incident, Unit } from '../assess';
import type { Config } from '../config';
import type { IndicatorRow } from '../query/types';
import {
	assessmentUnitsQuery,
	incidentsQuery,
	runAssessment,
	townshipsOf,
	type AssessmentPlan
} from '../views/assessment';
import { plansQuery } from '../views/unit';
import { liveRows } from './live-rows.svelte';

export interface LivePlans {
	/** One assessment per plan, in the plans' order; null until the rows are there. */
	readonly assessments: Assessment[] | null;
	readonly error: string | null;
}

/**
 * Several assessment periods of one level judged from one query (views/unit plansQuery), as the
 * 三牌 matrix does for townships: a unit's card history. Villages are ranked within their
 * county, so every township's village file is read. Call during component initialisation.
 */
export function livePlans(
	config: () => Config,
	plans: () => AssessmentPlan[],
	county: () => string
): LivePlans {
	const units = liveRows<Unit>(() => (county() ? assessmentUnitsQuery(county()) : null));
	const incidents = liveRows<Incident>(() => incidentsQuery());
	const query = $derived.by(() => {
		const ps = plans();
		const c = county();
		if (!ps.length || !c) return null;
		if (ps[0].level === 'township') return plansQuery(config(), ps, c);
		return units.rows ? plansQuery(config(), ps, c, townshipsOf(units.rows, c)) : null;
	});
	const values = liveRows<IndicatorRow>(() => query);
	const assessments = $derived.by(() => {
		const q = query;
		if (!q || values.key !== q.key || !values.rows || !units.rows || !incidents.rows) return null;
		return plans().map((p) =>
			runAssessment(config(), p, values.rows!, units.rows!, incidents.rows!)
		);
	});
	return {
		get assessments() {
			return assessments;
		},
		get error() {
			return values.error ?? units.error ?? incidents.error;
		}
	};
}
