import type { Config } from '../config';
import type { Catalog } from '../config/catalog-schema';
import type { Scheme } from '../config/scheme';
import type { Manifest } from '../extract/schema';
import type { Lang } from '../i18n';
import { samePeriodLastYear, type Period } from '../periods';
import { rankingPeriods } from './rankings';
import { indicatorsViewQuery, type ViewQuery } from './view-query';

/** What the 通报 page shows; all of it in the URL. */
export interface BulletinState {
	county: string;
	/** An assessment period of the scheme (half-year check, year end): no provisional one. */
	period: string;
}

/** The assessment periods a bulletin can be printed for, newest first. */
export const bulletinPeriods = (config: Config, manifest: Manifest): string[] =>
	rankingPeriods(config, manifest)
		.filter((p) => !p.provisional)
		.map((p) => p.key);

export function parseBulletin(
	p: URLSearchParams,
	config: Config,
	manifest: Manifest
): BulletinState & { unknownPeriod: string | null } {
	const periods = bulletinPeriods(config, manifest);
	const asked = p.get('period');
	const county = p.get('county');
	return {
		county:
			county && manifest.counties.some((c) => c.code === county)
				? county
				: (manifest.counties[0]?.code ?? ''),
		period: asked && periods.includes(asked) ? asked : (periods[0] ?? ''),
		// a link to a period the data cannot bulletin says so instead of silently printing another
		unknownPeriod: asked && !periods.includes(asked) ? asked : null
	};
}

/** The county's values for the lead: the period and the same period last year. */
export function bulletinCountyQuery(
	catalog: Catalog,
	scheme: Scheme,
	county: string,
	period: Period
): ViewQuery {
	return indicatorsViewQuery(catalog, {
		level: 'county',
		codes: [county],
		indicators: Object.keys(scheme.indicators),
		periods: [samePeriodLastYear(period), period]
	});
}

/** The URL of a state: only what differs from the default (the latest period, first county). */
export function serializeBulletin(
	s: BulletinState,
	config: Config,
	manifest: Manifest,
	lang: Lang
): URLSearchParams {
	const p = new URLSearchParams();
	if (s.period !== bulletinPeriods(config, manifest)[0]) p.set('period', s.period);
	if (s.county !== manifest.counties[0]?.code) p.set('county', s.county);
	if (lang === 'en') p.set('lang', 'en');
	return p;
}
