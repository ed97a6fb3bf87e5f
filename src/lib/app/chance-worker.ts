/// <reference lib="webworker" />
import { chanceOf, type UnitChance } from '../assess/chance';
import type { Assessment } from '../assess';
import type { Catalog } from '../config/catalog-schema';
import type { Scheme } from '../config/scheme';
import { parsePeriod } from '../periods';

/**
 * Rank intervals off the main thread: 1,000 seeded simulations of a province's townships take
 * most of a second, which the page must not freeze for. Same pure function as `kaoping assess`.
 */
export interface ChanceRequest {
	id: number;
	/** The assessment as JSON: its units build their indicator detail lazily, which JSON keeps. */
	assessment: string;
	scheme: Scheme;
	catalog: Catalog;
	period: string;
	/** Unit code → the group it is ranked in (its county). */
	groups: [string, string][];
}

export interface ChanceResponse {
	id: number;
	chance: [string, UnitChance][];
}

self.onmessage = (e: MessageEvent<ChanceRequest>) => {
	const { id, assessment, scheme, catalog, period, groups } = e.data;
	const group = new Map(groups);
	const result = chanceOf(
		JSON.parse(assessment) as Assessment,
		scheme,
		catalog,
		parsePeriod(period)!,
		{
			groupOf: (u) => group.get(u.code) ?? ''
		}
	);
	self.postMessage({ id, chance: [...result] } satisfies ChanceResponse);
};
