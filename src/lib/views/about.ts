import type { Catalog, Indicator } from '../config/catalog-schema';
import type { CardCondition, Scheme, Scoring } from '../config/scheme';
import { tierName } from '../config/tier-name';
import { formatNumber, formatQuantity, paren } from '../format';
import { t, type Lang } from '../i18n';
import { fractionLabels } from './labels';

/**
 * The 说明 page's texts, rendered from the configuration the data was built with: each
 * indicator's formula, and the scheme in force — weights, scoring rules, tiers, cards and
 * consequences — so the page can never disagree with what the assessment computes.
 */

/** 出生人数 ÷ 平均总人口 × 1000; a difference of rates is bracketed and scaled like its rates. */
export function formulaText(catalog: Catalog, ind: Indicator, lang: Lang): string {
	const f = ind.formula;
	const { numerator, denominator } = fractionLabels(catalog, ind, lang);
	if (f.kind === 'count') return numerator;
	if (f.kind === 'difference') {
		const minuend = catalog.indicators.find((i) => i.id === f.minuend)!;
		const scale = minuend.formula.kind === 'ratio' ? ` × ${minuend.formula.scale}` : '';
		const open = lang === 'zh' ? '（' : '(';
		const close = lang === 'zh' ? '）' : ')';
		const of = (id: string) => catalog.indicators.find((i) => i.id === id)?.name[lang] ?? id;
		// a full-width bracket carries its own space in Chinese type
		const gap = lang === 'zh' ? '' : ' ';
		return `${open}${numerator}${close}${gap}÷ ${denominator}${scale}${paren(`= ${of(f.minuend)} − ${of(f.subtrahend)}`, lang)}`;
	}
	const ytd = f.year_to_date ? paren(t(lang, 'about.yearToDate'), lang) : '';
	return `${numerator}${ytd} ÷ ${denominator} × ${f.scale}`;
}

const num = (x: number) => formatQuantity(x, 2);

/** How an indicator scores, in words with the scheme's numbers. */
export function ruleText(s: Scoring, lang: Lang): string {
	switch (s.rule) {
		case 'linear':
			return (
				t(lang, 'about.rule.linear', { floor: num(s.floor), target: num(s.target) }) +
				(s.prorate ? t(lang, 'about.rule.prorate') : '')
			);
		case 'linear_lower':
			return t(lang, 'about.rule.linear_lower', { target: num(s.target), ceiling: num(s.ceiling) });
		case 'band':
			return t(lang, 'about.rule.band', {
				low: num(s.low),
				high: num(s.high),
				falloff: num(s.falloff)
			});
		case 'zero':
			return t(lang, 'about.rule.zero');
	}
}

export interface WeightRow {
	id: string;
	name: string;
	weight: number;
	rule: string;
	key: boolean;
}

export function weightRows(scheme: Scheme, catalog: Catalog, lang: Lang): WeightRow[] {
	return Object.entries(scheme.indicators).map(([id, s]) => ({
		id,
		name: catalog.indicators.find((i) => i.id === id)?.name[lang] ?? id,
		weight: s.weight,
		rule: ruleText(s, lang),
		key: s.key
	}));
}

export const totalWeight = (scheme: Scheme) =>
	Object.values(scheme.indicators).reduce((s, i) => s + i.weight, 0);

/** "第 1-10 名" / "倒数 3 名". */
export function tierRanksText(ranks: string, lang: Lang): string {
	const last = ranks.match(/^last (\d+)$/);
	return last ? t(lang, 'about.tierLast', { n: last[1] }) : t(lang, 'about.tierRanks', { ranks });
}

/** One card condition in words. */
export function cardConditionText(
	c: CardCondition,
	scheme: Scheme,
	catalog: Catalog,
	lang: Lang
): string {
	switch (c.when) {
		case 'count_at_least':
			return t(lang, 'about.card.count_at_least', {
				indicator: catalog.indicators.find((i) => i.id === c.indicator)?.name[lang] ?? c.indicator,
				value: c.value
			});
		case 'incident': {
			const names = c.types.map((type) =>
				lang === 'zh' ? type : (catalog.incident_types.find((x) => x.id === type)?.en ?? type)
			);
			return t(lang, 'about.card.incident', { types: names.join(lang === 'zh' ? '、' : ', ') });
		}
		case 'last_place_years':
			return t(lang, 'about.card.last_place_years', { years: c.years });
		case 'tier':
			return t(lang, 'about.card.tier', { tier: tierName(scheme, c.tier, lang) });
		case 'key_in_arrears':
			return t(lang, 'about.card.key_in_arrears', { n: c.at_least });
		case 'card_not_lifted':
			return t(lang, 'about.card.card_not_lifted', { card: t(lang, `card.${c.card}`) });
	}
}

/** The scheme's cards, most severe first, each with its conditions in words. */
export function cardRules(scheme: Scheme, catalog: Catalog, lang: Lang) {
	return (['red', 'black', 'yellow'] as const).map((card) => ({
		card,
		conditions: scheme.cards[card].map((c) => cardConditionText(c, scheme, catalog, lang))
	}));
}

/** 后进村 in one sentence; null when the scheme has no village rule. */
export function villageRuleText(scheme: Scheme, lang: Lang): string | null {
	const v = scheme.villages;
	if (!v) return null;
	const first = v.yellow_lowest
		? t(lang, 'about.villagesLowest', { n: v.yellow_lowest })
		: t(lang, 'about.villagesShare', {
				share: `${formatNumber((v.yellow_lowest_share ?? 0) * 100, 0)}%`
			});
	return first + t(lang, 'about.villagesWindow', { months: v.rectification_months });
}

/** What each tier or card brings (shown as the scheme writes it, never computed). */
export function consequenceRows(scheme: Scheme, lang: Lang) {
	return scheme.consequences.map((c) => ({
		who: c.tier ? tierName(scheme, c.tier, lang) : c.card ? t(lang, `card.${c.card}`) : '',
		text: c[lang]
	}));
}

/** Which way an indicator is judged (its catalog `better`), in words. */
export function betterText(ind: Indicator, lang: Lang): string {
	if (ind.better === 'band' && ind.band)
		return t(lang, 'about.better.band', { low: num(ind.band[0]), high: num(ind.band[1]) });
	return ind.better === 'band'
		? t(lang, 'about.better.none')
		: t(lang, `about.better.${ind.better}`);
}
