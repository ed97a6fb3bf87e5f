import type { CardCondition, Scheme } from '../config/scheme';
import { tierName } from '../config/tier-name';
import type { ReasonText, Texts } from './reason-text';
import type { ArrearsLine } from './score';
import {
	cardsByRank,
	type AssessedLevel,
	type Card,
	type CardReason,
	type CardStatus
} from './types';

/**
 * 三牌管理 [002]: each card of the scheme lists conditions; the highest card with a condition
 * that holds wins, and every condition that holds is listed as a reason.
 *
 *   count_at_least    a count indicator reaches the value (政策外多孩出生 ≥ 1)
 *   incident          an inspection found one of the types (虚假节育手术, 虚假环孕检 …)
 *   last_place_years  last in the year-end ranking this year and the N − 1 years before
 *   tier              the unit's tier (重点整改)
 *   key_in_arrears    at least N key indicators in arrears (欠帐较大)
 *   card_not_lifted   the rule that makes a yellow card black: the unit's yellow conditions
 *                     held at the previous assessment period and still hold now — the yellow
 *                     was not lifted, so it escalates
 * A card is lifted at the first assessment period where none of its conditions hold.
 *
 * Villages (后进村) are carded by the scheme's villages block (the lowest N are yellow; see
 * villages.ts for the monthly rectification) and by the event triggers, count_at_least and
 * incident: a veto is a veto wherever it happens. Tiers, arrears and the year-end ranking are
 * the township scheme's.
 */
export interface CardFacts {
	level: AssessedLevel;
	score: number;
	/** 0 when not ranked. */
	rank: number;
	ranked: number;
	tier: string | null;
	/** Year-end only: last this period, and last in each earlier year's final ranking (newest
	 * first; null where that ranking is unknown). Null at other periods. */
	lastPlace: { now: boolean; pastYears: (boolean | null)[] } | null;
	count(indicator: string): number | null;
	keyArrears: readonly KeyArrears[];
	incidents: readonly { type: string; count: number; date: string; where: string }[];
	previous: { period: string; card: Card | null; conditions: readonly Card[] } | null;
	/** Villages: how many of the lowest are carded (null without a villages block). */
	lowest: number | null;
}

export interface KeyArrears {
	id: string;
	value: number;
	score: number;
	weight: number;
	line: ArrearsLine;
}

export interface CardDecision {
	card: Card | null;
	status: CardStatus | null;
	/** Cards whose own conditions held, before escalation: next period's card_not_lifted. */
	conditions: readonly Card[];
	reasons: readonly CardReason[];
}

const townshipOnly = new Set<CardCondition['when']>([
	'last_place_years',
	'tier',
	'key_in_arrears',
	'card_not_lifted'
]);

// Shared, frozen answers for the common case: the hot loop of a 25,000-village county allocates
// nothing for a village that holds no card and held none.
const bit: Record<Card, number> = { red: 1, black: 2, yellow: 4 };
const conditionSets: readonly (readonly Card[])[] = Array.from({ length: 8 }, (_, mask) =>
	Object.freeze(cardsByRank.filter((c) => mask & bit[c]))
);
const noReasons: readonly CardReason[] = Object.freeze([]);
const noCard: CardDecision = Object.freeze({
	card: null,
	status: null,
	conditions: conditionSets[0],
	reasons: noReasons
});

/** The scheme's conditions that apply at a level, split once rather than per unit. */
export interface CardRules {
	/** In card order, red first; every condition but card_not_lifted. */
	direct: { card: Card; condition: CardCondition }[];
	notLifted: { card: Card; condition: Extract<CardCondition, { when: 'card_not_lifted' }> }[];
}

export function cardRules(scheme: Scheme, level: AssessedLevel): CardRules {
	const rules: CardRules = { direct: [], notLifted: [] };
	for (const card of cardsByRank)
		for (const condition of scheme.cards[card])
			if (condition.when === 'card_not_lifted') {
				if (level === 'township') rules.notLifted.push({ card, condition });
			} else if (level === 'township' || !townshipOnly.has(condition.when))
				rules.direct.push({ card, condition });
	return rules;
}

export function decideCard(
	scheme: Scheme,
	facts: CardFacts,
	text: ReasonText,
	rules = cardRules(scheme, facts.level)
): CardDecision {
	const village = facts.level === 'village';
	let reasons: CardReason[] | null = null;
	let held = 0;
	for (const { card, condition } of rules.direct) {
		const before = reasons?.length ?? 0;
		reasons = reasonsFor(condition, card, facts, scheme, text, reasons);
		if ((reasons?.length ?? 0) > before) held |= bit[card];
	}
	if (village && facts.lowest !== null && isLowest(facts.rank, facts.ranked, facts.lowest)) {
		held |= bit.yellow;
		const t = text.villageLowest(facts.score, facts.lowest, facts.rank, facts.ranked, 'yellow');
		(reasons ??= []).push(reason('yellow', 'village_lowest', null, facts.rank, facts.lowest, t));
	}
	const previous = facts.previous;
	if (previous && previous.conditions.length)
		for (const { card, condition: c } of rules.notLifted)
			if (previous.conditions.includes(c.card) && held & bit[c.card]) {
				const t = text.notLifted(c.card, previous.period, card);
				(reasons ??= []).push(reason(card, c.when, null, previous.period, c.card, t));
			}
	const before = previous?.card ?? null;
	if (!reasons && !before) return noCard;
	reasons ??= [];
	reasons.sort((a, b) => severity(b.card) - severity(a.card));
	const card = reasons.length ? reasons[0].card : null;
	if (previous && before && before !== card && (!card || severity(card) < severity(before)))
		reasons.unshift(
			reason(before, 'lifted', null, null, null, text.lifted(before, previous.period))
		);
	return { card, status: cardStatus(before, card), conditions: conditionSets[held], reasons };
}

/** Appends the reasons condition `c` gives (none when it does not hold) to `out`. */
function reasonsFor(
	c: CardCondition,
	card: Card,
	f: CardFacts,
	scheme: Scheme,
	text: ReasonText,
	out: CardReason[] | null
): CardReason[] | null {
	switch (c.when) {
		case 'count_at_least': {
			const v = f.count(c.indicator);
			if (v === null || v < c.value) return out;
			const t = text.count(c.indicator, v, c.value, card);
			return append(out, reason(card, c.when, c.indicator, v, c.value, t));
		}
		case 'incident':
			for (const i of f.incidents)
				if (c.types.includes(i.type)) {
					const t = text.incident(i.type, i.count, i.date, i.where, card);
					out = append(out, reason(card, c.when, null, i.type, null, t));
				}
			return out;
		case 'last_place_years': {
			const p = f.lastPlace;
			if (!p?.now) return out;
			const past = p.pastYears.slice(0, c.years - 1);
			if (past.length < c.years - 1 || !past.every((x) => x === true)) return out;
			const t = text.lastPlace(c.years, f.rank, f.ranked, card);
			return append(out, reason(card, c.when, null, f.rank, c.years, t));
		}
		case 'tier': {
			if (f.tier !== c.tier) return out;
			const name = { zh: c.tier, en: tierName(scheme, c.tier, 'en') };
			const t = text.tier(name, f.rank, f.ranked, card);
			return append(out, reason(card, c.when, null, f.tier, c.tier, t));
		}
		case 'key_in_arrears': {
			const a = f.keyArrears;
			if (a.length < c.at_least) return out;
			if (c.at_least > 1) {
				const t = text.arrearsCount(
					a.map((x) => x.id),
					c.at_least,
					card
				);
				return append(out, reason(card, c.when, null, a.length, c.at_least, t));
			}
			const share = scheme.arrears_below_share;
			for (const x of a) {
				const t = text.arrears(x.id, x.value, x.line, x.score, x.weight, share, card);
				out = append(out, reason(card, c.when, x.id, x.value, lineValue(x.line), t));
			}
			return out;
		}
		case 'card_not_lifted':
			return out; // decided after the other conditions: it needs to know which of them hold
	}
}

// a plain function, not a closure: this runs for every unit of every period
function append(out: CardReason[] | null, r: CardReason): CardReason[] {
	if (!out) return [r];
	out.push(r);
	return out;
}

/** Among the `lowest` bottom units, never reaching the first place (see rank.ts tierOf). */
export const isLowest = (rank: number, ranked: number, lowest: number): boolean =>
	rank > 0 && rank > Math.max(ranked - lowest, 1);

export const severity = (card: Card): number => 3 - cardsByRank.indexOf(card);

export function cardStatus(previous: Card | null, now: Card | null): CardStatus | null {
	if (!previous) return now ? 'issued' : null;
	if (!now) return 'lifted';
	if (now === previous) return 'held';
	// a lower card after a higher one was lifted is a new card, not a continuation
	return severity(now) > severity(previous) ? 'escalated' : 'issued';
}

const lineValue = (l: ArrearsLine): number | string | null =>
	l.kind === 'below' || l.kind === 'above'
		? l.line
		: l.kind === 'outside'
			? `${l.low}–${l.high}`
			: 0;

export function reason(
	card: Card,
	rule: CardReason['rule'],
	indicator: string | null,
	value: number | string | null,
	threshold: number | string | null,
	t: Texts
): CardReason {
	return { card, rule, indicator, value, threshold, zh: t.zh, en: t.en };
}
