import type { CardDecision } from './cards';
import type { Memory, PeriodOutcome } from './judge';
import { orNull, type Prepared } from './prepare';
import { rankChange } from './rank';
import type {
	Card,
	CardReason,
	CardStatus,
	IndicatorScore,
	Rectification,
	UnitAssessment
} from './types';

const round2 = (x: number) => Math.round(x * 100) / 100;
// Shared by every unit with nothing to list; frozen so that no caller can push into it.
const none: readonly never[] = Object.freeze([]);

/**
 * One unit's result. The per-indicator detail is built on first read: a weight change re-ranks
 * 25,000 villages without making 200,000 objects nobody looks at. JSON.stringify includes it
 * (toJSON); to post a result to a worker, post its JSON.
 */
export class UnitResult implements UnitAssessment {
	// `declare`: no initialisers, so each field is written once and JSON keeps this order
	declare code: string;
	declare name: string;
	declare level: UnitAssessment['level'];
	declare parent_code: string | null;
	declare period: string;
	declare scheme: string;
	declare score: number;
	declare rank: number | null;
	declare rank_change: number | null;
	declare tier: string | null;
	declare card: Card | null;
	declare card_status: CardStatus | null;
	declare reasons: readonly string[];
	declare reason_details: readonly CardReason[];
	declare card_conditions: readonly Card[];
	declare notes: readonly string[];
	declare rectification?: Rectification;
	readonly #scored: PeriodOutcome['scorecard']['indicators'];
	readonly #i: number;
	#detail: Record<string, IndicatorScore> | undefined;

	constructor(
		prepared: Prepared,
		outcome: PeriodOutcome,
		decision: CardDecision,
		previous: Memory | null,
		rectification: Rectification | undefined,
		/** "…：无数据，计 0 分" per indicator of the scheme, made once per assessment. */
		noData: readonly string[],
		i: number
	) {
		const u = prepared.units[i];
		const rank = outcome.ranks.rank[i] || null;
		const scored = outcome.scorecard.indicators;
		let notes: readonly string[] = none;
		for (let k = 0; k < scored.length; k++) {
			const column = scored[k].columns?.value;
			if (!column || Number.isNaN(column[i])) notes = [...notes, noData[k]];
		}
		this.code = u.code;
		this.name = u.name;
		this.level = prepared.context.level;
		this.parent_code = u.parent_code;
		this.period = outcome.period.text;
		this.scheme = outcome.scheme.name;
		this.score = outcome.scorecard.composite[i];
		this.rank = rank;
		this.rank_change = rankChange(previous ? previous.rank[i] || null : null, rank);
		this.tier = outcome.tiers[i];
		this.card = decision.card;
		this.card_status = decision.status;
		this.reasons = decision.reasons.length ? decision.reasons.map((r) => r.zh) : none;
		this.reason_details = decision.reasons;
		this.card_conditions = decision.conditions;
		this.notes = notes;
		if (rectification) this.rectification = rectification;
		this.#scored = scored;
		this.#i = i;
	}

	get indicators(): Record<string, IndicatorScore> {
		return (this.#detail ??= indicatorDetail(this.#scored, this.#i));
	}

	toJSON() {
		return { ...this, indicators: this.indicators };
	}
}

function indicatorDetail(
	scored: PeriodOutcome['scorecard']['indicators'],
	i: number
): Record<string, IndicatorScore> {
	const out: Record<string, IndicatorScore> = {};
	for (const x of scored) {
		const c = x.columns;
		const value = c ? orNull(c.value[i]) : null;
		out[x.id] = {
			value,
			numerator: c ? orNull(c.numerator[i]) : null,
			denominator: c ? orNull(c.denominator[i]) : null,
			coverage: [c ? orNull(c.used[i]) : null, c ? orNull(c.due[i]) : null],
			score: x.score ? round2(x.score[i]) : 0,
			weight: x.scoring.weight,
			arrears: x.arrears ? x.arrears[i] === 1 : false,
			no_data: value === null
		};
	}
	return out;
}
