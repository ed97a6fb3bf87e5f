import type { Config } from '../config';
import type { Manifest } from '../extract/schema';
import { monthText, parsePeriod, parseReportMonth, type Granularity } from '../periods';
import type { Level } from '../query/types';
import { MAX_HIGHLIGHT } from '../charts/highlight';
import { defaultOverviewState, type OverviewState } from './overview';
import { defaultTrendsState, type TrendsState } from './trends';

/**
 * Every selection lives in the URL so that back/forward and shared links restore a view. Values
 * are validated against the catalog and the data; anything unknown falls back to the default,
 * and defaults are left out of the URL to keep links short.
 */
export type Lang = 'zh' | 'en';

export const langOf = (p: URLSearchParams): Lang => (p.get('lang') === 'en' ? 'en' : 'zh');

const CODE = /^\d{6,12}$/;
const GRANULARITIES: Granularity[] = ['month', 'quarter', 'half', 'year', 'ytd'];
const LEVELS: Level[] = ['county', 'township', 'village'];

function inRange(manifest: Manifest, text: string | null): number | null {
	const m = text ? parseReportMonth(text) : null;
	const lo = parseReportMonth(manifest.periods.from)!;
	const hi = parseReportMonth(manifest.periods.to)!;
	return m !== null && m >= lo && m <= hi ? m : null;
}

function county(manifest: Manifest, p: URLSearchParams, fallback: string): string {
	const c = p.get('county');
	return c && manifest.counties.some((k) => k.code === c) ? c : fallback;
}

export function parseOverview(p: URLSearchParams, manifest: Manifest): OverviewState {
	const d = defaultOverviewState(manifest);
	const period = parsePeriod(p.get('period') ?? '');
	const hi = parseReportMonth(manifest.periods.to)!;
	const lo = parseReportMonth(manifest.periods.from)!;
	const valid = period && period.to <= hi && period.from >= lo - 11;
	return { county: county(manifest, p, d.county), period: valid ? period.text : d.period };
}

export function serializeOverview(
	s: OverviewState,
	manifest: Manifest,
	lang: Lang
): URLSearchParams {
	const d = defaultOverviewState(manifest);
	return params([
		['county', s.county, d.county],
		['period', s.period, d.period],
		['lang', lang, 'zh']
	]);
}

export function parseTrends(p: URLSearchParams, config: Config, manifest: Manifest): TrendsState {
	const d = defaultTrendsState(config, manifest);
	const indicator = p.get('ind');
	const level = p.get('level') as Level | null;
	const g = p.get('g') as Granularity | null;
	const s: TrendsState = {
		indicator:
			indicator && config.catalog.indicators.some((i) => i.id === indicator)
				? indicator
				: d.indicator,
		level: level && LEVELS.includes(level) ? level : d.level,
		units: (p.get('units') ?? '').split(',').filter((c) => CODE.test(c)),
		scope:
			p.get('scope') && CODE.test(p.get('scope')!) ? p.get('scope')! : county(manifest, p, d.scope),
		granularity: g && GRANULARITIES.includes(g) ? g : d.granularity,
		annualise: p.get('annual') === '1',
		from: inRange(manifest, p.get('from')) ?? d.from,
		to: inRange(manifest, p.get('to')) ?? d.to,
		phi: p.get('phi') === '1',
		target: p.get('ref') === 'target',
		// a hand-edited link may list more: the chart shows the first MAX_HIGHLIGHT
		highlight: (p.get('hl') ?? '')
			.split(',')
			.filter((c) => CODE.test(c))
			.slice(0, MAX_HIGHLIGHT)
	};
	if (s.from > s.to) [s.from, s.to] = [s.to, s.from];
	if (s.level === 'county' && !s.units.length) s.units = [s.scope];
	return s;
}

export function serializeTrends(
	s: TrendsState,
	config: Config,
	manifest: Manifest,
	lang: Lang
): URLSearchParams {
	const d = defaultTrendsState(config, manifest);
	const units =
		s.level === 'county' && s.units.length === 1 && s.units[0] === s.scope ? '' : s.units.join(',');
	return params([
		['ind', s.indicator, d.indicator],
		['level', s.level, d.level],
		['scope', s.scope, d.scope],
		['units', units, ''],
		['g', s.granularity, d.granularity],
		['annual', s.annualise ? '1' : '', ''],
		['from', monthText(s.from), monthText(d.from)],
		['to', monthText(s.to), monthText(d.to)],
		['phi', s.phi ? '1' : '', ''],
		['ref', s.target ? 'target' : '', ''],
		['hl', s.highlight.join(','), ''],
		['lang', lang, 'zh']
	]);
}

function params(entries: [string, string, string][]): URLSearchParams {
	const p = new URLSearchParams();
	for (const [k, v, dflt] of entries) if (v !== dflt) p.set(k, v);
	return p;
}
