import type { Assessment, Card, UnitAssessment } from '../assess';
import { fillTemplate, type BulletinTemplates } from '../config/bulletin-templates';
import type { Catalog, Indicator } from '../config/catalog-schema';
import type { Scheme } from '../config/scheme';
import { tierName } from '../config/tier-name';
import {
	DASH,
	formatAmount,
	formatIndicatorValue,
	formatPeriodKey,
	formatQuantity,
	formatScore
} from '../format';
import { t, type Lang } from '../i18n';
import { parsePeriod, samePeriodLastYear } from '../periods';
import type { IndicatorRow } from '../query/types';
import { leadSentence } from './bulletin-lead';
import { coverageText } from './coverage';
import { fractionKinds } from './labels';
import { targetOf } from './tiles';

/** The rows of one indicator behind a lead sentence. */
interface LeadRows {
	indicator: Indicator;
	current: IndicatorRow | null;
	lastYear: IndicatorRow | null;
}

/** One line of the lead's detail table: the counts and coverage behind each sentence. */
export interface LeadDetail {
	id: string;
	name: string;
	value: string;
	counts: string;
	coverage: string;
	lastYear: string;
	target: string;
}

export interface BulletinRow {
	code: string;
	name: string;
	rank: number | null;
	score: string;
	tier: string;
	card: Card | null;
	cardText: string;
}

export interface BulletinDoc {
	lang: Lang;
	title: string;
	scheme: string;
	notes: string[];
	opening: string;
	lead: { heading: string; sentences: string[]; details: LeadDetail[] };
	ranking: { heading: string; intro: string; rows: BulletinRow[] };
	cards: { heading: string; intro: string; items: { code: string; card: Card; text: string }[] };
	last: { heading: string; text: string | null; codes: string[] };
	consequences: { heading: string; items: string[] };
	closing: string;
}

export interface BulletinInput {
	templates: BulletinTemplates;
	catalog: Catalog;
	scheme: Scheme;
	/** The township assessment of the period (every county's; this county's are picked). */
	assessment: Assessment;
	county: { code: string; name: string };
	/** bulletinCountyQuery's rows. */
	countyRows: readonly IndicatorRow[];
	lang: Lang;
}

/** "2024年度" for a year-end assessment (as the seeds title it), else the period in words. */
export function assessmentPeriodText(key: string, lang: Lang): string {
	const p = parsePeriod(key);
	return p?.kind === 'year' && lang === 'zh' ? `${p.year}年度` : formatPeriodKey(key, lang);
}

const list = (names: string[], lang: Lang) => names.join(lang === 'zh' ? '、' : ', ');

/** The whole bulletin from the assessment rows: pure, so the CLI's PDF and the page agree. */
export function buildBulletin(input: BulletinInput): BulletinDoc {
	const { templates: tpl, scheme, lang, catalog } = input;
	const a = input.assessment;
	const units = a.units.filter((u) => u.parent_code === input.county.code);
	const period = assessmentPeriodText(a.period, lang);
	const schemeName = lang === 'zh' ? scheme.name : scheme.name_en;
	const tierLabel = (name: string) => tierName(scheme, name, lang);
	const cardLabel = (c: Card) => t(lang, `card.${c}`);
	const fill = (text: { zh: string; en: string }, params: Record<string, string | number> = {}) =>
		fillTemplate(text[lang], { period, county: input.county.name, ...params });

	const rows = leadRows(catalog, scheme, input.countyRows, a.period);
	const sentences = rows
		.map((d) =>
			leadSentence(
				tpl,
				{
					indicator: d.indicator,
					scoring: scheme.indicators[d.indicator.id],
					current: d.current,
					lastYear: d.lastYear,
					threshold: catalog.coverage_threshold
				},
				lang
			)
		)
		.filter((s): s is string => s !== null);

	const carded = units.filter((u) => u.card);
	const last = lastPlaces(units, scheme);
	return {
		lang,
		title: fill(tpl.title),
		scheme: schemeName,
		notes: lang === 'zh' ? a.notes : a.notes_en,
		opening: fill(tpl.opening, { scheme: schemeName, count: units.length }),
		lead: {
			heading: fill(tpl.lead_heading),
			sentences,
			details: rows.map((r) => leadDetail(catalog, scheme, r, lang))
		},
		ranking: {
			heading: fill(tpl.ranking_heading),
			intro: fill(tpl.ranking_intro, { count: units.length }),
			rows: units.map((u) => ({
				code: u.code,
				name: u.name,
				rank: u.rank,
				score: formatScore(u.score),
				tier: u.tier ? tierLabel(u.tier) : '',
				card: u.card,
				cardText: u.card ? cardLabel(u.card) : ''
			}))
		},
		cards: {
			heading: fill(tpl.cards_heading),
			intro: carded.length ? fill(tpl.cards_intro, { count: carded.length }) : fill(tpl.cards_none),
			items: carded.map((u) => ({
				code: u.code,
				card: u.card!,
				text: fill(tpl.carded, {
					unit: u.name,
					card: cardLabel(u.card!),
					// a card at the first assessed period has no earlier one: it is newly issued
					status: t(lang, `cardStatus.${u.card_status ?? 'issued'}`),
					reasons: reasonsText(u, lang)
				})
			}))
		},
		last: {
			heading: fill(tpl.last_heading),
			text: last.units.length
				? fill(tpl.last_places, {
						n: last.n,
						units: list(
							last.units.map((u) => u.name),
							lang
						)
					})
				: null,
			codes: last.units.map((u) => u.code)
		},
		consequences: {
			heading: fill(tpl.consequences_heading),
			items: scheme.consequences.map((c) => {
				const label = c.card ? cardLabel(c.card) : tierLabel(c.tier ?? '');
				const who = units.filter((u) => (c.card ? u.card === c.card : u.tier === c.tier));
				const named = who.length
					? `${label}${lang === 'zh' ? '（' : ' ('}${list(
							who.map((u) => u.name),
							lang
						)}${lang === 'zh' ? '）' : ')'}`
					: label;
				return fill(tpl.consequence, { who: named, text: lang === 'zh' ? c.zh : c.en });
			})
		},
		closing: fill(tpl.closing)
	};
}

function leadRows(
	catalog: Catalog,
	scheme: Scheme,
	rows: readonly IndicatorRow[],
	periodKey: string
): LeadRows[] {
	const period = parsePeriod(periodKey)!;
	const lastKey = samePeriodLastYear(period).text;
	return Object.keys(scheme.indicators).flatMap((id) => {
		const indicator = catalog.indicators.find((i) => i.id === id);
		if (!indicator) return [];
		const own = rows.filter((r) => r.indicator === id);
		return [
			{
				indicator,
				current: own.find((r) => r.period_key === period.text) ?? null,
				lastYear: own.find((r) => r.period_key === lastKey) ?? null
			}
		];
	});
}

function leadDetail(catalog: Catalog, scheme: Scheme, r: LeadRows, lang: Lang): LeadDetail {
	const ind = r.indicator;
	const kinds = fractionKinds(catalog, ind);
	const c = r.current;
	const target = targetOf(scheme.indicators[ind.id]);
	return {
		id: ind.id,
		name: ind.name[lang],
		value: formatIndicatorValue(c?.value ?? null, ind, lang),
		counts:
			c && c.numerator !== null
				? c.denominator === null
					? formatAmount(c.numerator, kinds.numerator, lang)
					: `${formatAmount(c.numerator, kinds.numerator, lang)} / ${formatAmount(c.denominator, kinds.denominator, lang)}`
				: DASH,
		coverage: c ? coverageText(c, ind, 'county', lang) : DASH,
		lastYear: formatIndicatorValue(r.lastYear?.value ?? null, ind, lang),
		target:
			target.kind === 'band'
				? `${formatQuantity(target.low)}–${formatQuantity(target.high)}`
				: target.kind === 'zero'
					? '0'
					: `${target.kind === 'at_least' ? '≥' : '≤'} ${formatIndicatorValue(target.value, ind, lang)}`
	};
}

/** Every reason, as `kaoping assess` gives it (zh) or its English twin. */
function reasonsText(u: UnitAssessment, lang: Lang): string {
	if (lang === 'zh') return u.reasons.join('；');
	return u.reason_details.map((r) => r.en).join('; ');
}

/**
 * 末位: the scheme's "last N" tier counts them (three in the seeds), else the last three; units
 * sharing a rank at the edge are all named.
 */
export function lastPlaces(
	units: readonly UnitAssessment[],
	scheme: Scheme
): { n: number; units: UnitAssessment[] } {
	const lastTier = scheme.tiers.map((x) => /^last (\d+)$/.exec(x.ranks)).find(Boolean);
	const n = lastTier ? Number(lastTier[1]) : 3;
	const ranked = units.filter((u) => u.rank !== null).sort((x, y) => x.rank! - y.rank!);
	if (!ranked.length) return { n, units: [] };
	const edge = ranked[Math.max(0, ranked.length - n)].rank!;
	return { n, units: ranked.filter((u) => u.rank! >= edge) };
}
