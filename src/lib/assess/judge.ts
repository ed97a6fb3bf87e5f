import type { Scheme } from '../config/scheme';
import type { Period } from '../periods';
import { cardRules, decideCard, type CardDecision, type CardFacts, type KeyArrears } from './cards';
import { isFinalPeriod } from './periods';
import { incidentsIn, orNull, type Prepared } from './prepare';
import { parseTiers, rankWithinGroups, tierOf, type Ranks } from './rank';
import type { ReasonText } from './reason-text';
import { inArrears, scoreValue } from './score';
import { scorePeriod, type Scorecard } from './scorecard';
import { lowestCounts } from './villages';
import type { Assessment, Card, Ranking } from './types';

/** What the next period needs to know of this one: ranks (Δrank) and cards (lifecycle). */
export interface Memory {
	period: string;
	year: number;
	final: boolean;
	rank: Int32Array;
	card: (Card | null)[];
	conditions: (readonly Card[])[];
}

/** Per unit of a final ranking: 1 last place, 0 not last, −1 unknown (not ranked). */
export type LastPlace = Int8Array;

export interface PeriodOutcome {
	period: Period;
	scheme: Scheme;
	final: boolean;
	scorecard: Scorecard;
	ranks: Ranks;
	tiers: (string | null)[];
	/** Villages: how many of the lowest are carded, per county group. */
	lowest: Int32Array | null;
	decisions: CardDecision[];
}

/** Scores, ranks, tiers and cards of every unit for one period under one scheme. */
export function judgePeriod(
	prepared: Prepared,
	scheme: Scheme,
	period: Period,
	elapsed: number,
	previous: Memory | null,
	finals: ReadonlyMap<number, LastPlace>,
	text: ReasonText,
	detail = true
): PeriodOutcome {
	const { level } = prepared.context;
	const scorecard = scorePeriod(prepared, scheme, period, elapsed, detail);
	const ranks = rankWithinGroups(
		scorecard.composite,
		prepared.group,
		scorecard.eligible,
		prepared.groupCount
	);
	const tierRanges = level === 'township' ? parseTiers(scheme.tiers) : [];
	const final = isFinalPeriod(scheme, period);
	const lowest =
		level === 'village' && scheme.villages ? lowestCounts(scheme.villages, ranks.ranked) : null;
	const pastYears = Math.max(
		0,
		...scheme.cards.red
			.concat(scheme.cards.black, scheme.cards.yellow)
			.map((c) => (c.when === 'last_place_years' ? c.years - 1 : 0))
	);
	const incidents = new Map<number, CardFacts['incidents'][number][]>();
	for (const p of incidentsIn(prepared, period)) {
		const where = prepared.names.get(p.incident.code) ?? p.incident.code;
		const list = incidents.get(p.unit) ?? [];
		list.push({ ...p.incident, where });
		incidents.set(p.unit, list);
	}
	const values = prepared.values.get(period.text);
	const none: CardFacts['incidents'] = [];
	const nothing: KeyArrears[] = [];
	let i = 0;
	let countId = '';
	let countColumn: Float64Array | undefined;
	// One facts object, refilled per unit: decideCard reads it synchronously and keeps nothing.
	const facts: CardFacts = {
		level,
		score: 0,
		rank: 0,
		ranked: 0,
		tier: null,
		lastPlace: null,
		count: (id) => {
			// the same one or two count indicators are asked for every unit: look each up once
			if (id !== countId) [countId, countColumn] = [id, values?.get(id)?.value];
			return countColumn ? orNull(countColumn[i]) : null;
		},
		keyArrears: nothing,
		incidents: none,
		previous: null,
		lowest: null
	};
	const rules = cardRules(scheme, level);
	const lastPlaceRule = level === 'township' && final && pastYears > 0;
	const tiers: (string | null)[] = new Array(prepared.units.length);
	const decisions: CardDecision[] = new Array(prepared.units.length);
	for (i = 0; i < prepared.units.length; i++) {
		const g = prepared.group[i];
		facts.rank = ranks.rank[i];
		facts.ranked = ranks.ranked[g];
		facts.score = scorecard.composite[i];
		facts.tier = tiers[i] = tierRanges.length ? tierOf(facts.rank, facts.ranked, tierRanges) : null;
		facts.lastPlace = lastPlaceRule
			? {
					now: facts.rank > 0 && facts.rank === ranks.last[g],
					pastYears: Array.from({ length: pastYears }, (_, k) =>
						lastIn(finals.get(period.year - 1 - k), i)
					)
				}
			: null;
		facts.keyArrears = scorecard.keyArrears[i] ? keyArrearsOf(scorecard, i) : nothing;
		facts.incidents = (incidents.size && incidents.get(i)) || none;
		const before = previous && (previous.card[i] !== null || previous.conditions[i].length > 0);
		facts.previous = before
			? { period: previous.period, card: previous.card[i], conditions: previous.conditions[i] }
			: null;
		facts.lowest = lowest && lowest[g];
		decisions[i] = decideCard(scheme, facts, text, rules);
	}
	return { period, scheme, final, scorecard, ranks, tiers, lowest, decisions };
}

function lastIn(places: LastPlace | undefined, i: number): boolean | null {
	if (!places || places[i] < 0) return null;
	return places[i] === 1;
}

/** The key indicators a unit is in arrears on, worked out again from its values (few units). */
function keyArrearsOf(scorecard: Scorecard, i: number): KeyArrears[] {
	const out: KeyArrears[] = [];
	const share = scorecard.scheme.arrears_below_share;
	for (const x of scorecard.indicators) {
		const value = x.columns?.value[i] ?? NaN;
		if (!x.scoring.key || Number.isNaN(value)) continue;
		const score = scoreValue(x.scoring, value, x.prorate);
		if (inArrears(score, x.scoring.weight, share))
			out.push({ id: x.id, value, score, weight: x.scoring.weight, line: x.line });
	}
	return out;
}

export const memoryOf = (o: PeriodOutcome): Memory => ({
	period: o.period.text,
	year: o.period.year,
	final: o.final,
	rank: o.ranks.rank,
	card: o.decisions.map((d) => d.card),
	conditions: o.decisions.map((d) => d.conditions)
});

/** A finished assessment passed as history, laid over this run's unit positions. */
export function memoryOfAssessment(prepared: Prepared, a: Assessment): Memory {
	const n = prepared.units.length;
	const m: Memory = {
		period: a.period,
		year: Number(a.period.slice(0, 4)),
		final: a.final,
		rank: new Int32Array(n),
		card: new Array<Card | null>(n).fill(null),
		conditions: Array.from({ length: n }, () => [])
	};
	for (const u of a.units) {
		const i = prepared.index.get(u.code);
		if (i === undefined) continue;
		m.rank[i] = u.rank ?? 0;
		m.card[i] = u.card;
		m.conditions[i] = u.card_conditions;
	}
	return m;
}

/** Who was last in a final ranking, per county group. */
export function lastPlaces(prepared: Prepared, rank: ArrayLike<number>): LastPlace {
	const worst = new Int32Array(prepared.groupCount);
	for (let i = 0; i < rank.length; i++)
		worst[prepared.group[i]] = Math.max(worst[prepared.group[i]], rank[i]);
	const out = new Int8Array(rank.length);
	for (let i = 0; i < rank.length; i++)
		out[i] = rank[i] > 0 ? (rank[i] === worst[prepared.group[i]] ? 1 : 0) : -1;
	return out;
}

export function rankingRanks(prepared: Prepared, r: Ranking): Int32Array {
	const rank = new Int32Array(prepared.units.length);
	for (const [code, k] of r.ranks) {
		const i = prepared.index.get(code);
		if (i !== undefined) rank[i] = k;
	}
	return rank;
}
