import type { Catalog } from '../config/catalog-schema';
import type { CardCondition, Scheme } from '../config/scheme';
import type { Period } from '../periods';

/** 三牌: 黄牌 serious warning, 黑牌 key management, 红牌 one-vote veto. */
export type Card = 'red' | 'black' | 'yellow';

/** Highest first: the highest card that applies wins. */
export const cardsByRank: readonly Card[] = ['red', 'black', 'yellow'];

/**
 * A card against the previous assessment period: issued (none before, or a lower one after a
 * higher one was lifted), held (the same again), escalated (a higher one), lifted (none now).
 */
export type CardStatus = 'issued' | 'held' | 'escalated' | 'lifted';

export type AssessedLevel = 'township' | 'village';

export interface Unit {
	code: string;
	name: string;
	level: 'county' | 'township' | 'village';
	parent_code: string | null;
}

/** An inspection finding (incidents.csv); a village's finding counts for its township too. */
export interface Incident {
	code: string;
	/**
	 * The township the unit belonged to on that date (a village that moved since counts for its
	 * old one); absent in sets built before kaoping wrote it, when the unit's parent stands in.
	 */
	township_code?: string | null;
	/** YYYY-MM-DD */
	date: string;
	type: string;
	count: number;
}

/** Final ranks of an earlier year, for "last place N years running". */
export interface Ranking {
	year: number;
	/** Unit code → rank (1 = best); units not ranked are absent. */
	ranks: ReadonlyMap<string, number>;
}

/**
 * An earlier assessment period: its rows are in the `values` passed to assess() (so one query
 * fetches every period) and it is judged with its own year's scheme; or its finished result.
 */
export type HistoryEntry = { period: Period; scheme?: Scheme } | { assessment: Assessment };

export interface AssessContext {
	/** Indicator names, units and decimals for the reason texts; incident type names. */
	catalog: Catalog;
	/** Every unit of the set (all levels: incidents and counties are found through parents). */
	units: readonly Unit[];
	level: AssessedLevel;
	period: Period;
	/** Earlier assessment periods, oldest first: Δrank and the card lifecycle. */
	history?: readonly HistoryEntry[];
	/** Final rankings of earlier years beyond those in `history` (last place N years running). */
	pastRankings?: readonly Ranking[];
	/** Every incident; each period counts those dated inside it. */
	incidents?: readonly Incident[];
	/** Months of the year elapsed at `period` for prorated targets; default: its last month. */
	elapsedMonths?: number;
	/** Villages: the monthly rectification checks after `period` (rows in `values`). */
	checks?: readonly Period[];
}

/** One indicator of one unit: the value, what it rests on, and the points it earned. */
export interface IndicatorScore {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** [unit-months used, unit-months due]; null when the query did not say. */
	coverage: [number | null, number | null];
	score: number;
	weight: number;
	/** 欠帐较大: below the scheme's share of the weight (never for missing data). */
	arrears: boolean;
	/** 无数据: no value, scored 0. */
	no_data: boolean;
}

/** Why a unit holds (or lost) a card, for machines and for people. */
export interface CardReason {
	card: Card;
	rule: CardCondition['when'] | 'village_lowest' | 'rectification' | 'lifted';
	indicator: string | null;
	value: number | string | null;
	threshold: number | string | null;
	zh: string;
	en: string;
}

/** A village's monthly check after its 后进村 card. */
export interface RectificationCheck {
	period: string;
	rank: number | null;
	/** Still among the lowest (or a veto trigger in the month). */
	lagging: boolean;
}

export interface Rectification {
	/** The months of the window, in order; checks has those with data so far. */
	window: string[];
	checks: RectificationCheck[];
	outcome: 'lifted' | 'escalated' | 'pending';
}

export interface UnitAssessment {
	code: string;
	name: string;
	level: AssessedLevel;
	parent_code: string | null;
	period: string;
	scheme: string;
	/** Composite: the sum of the indicator scores, to two decimals (ranks compare these). */
	score: number;
	/** Null for a unit with no data at all: it is listed, not ranked. */
	rank: number | null;
	/** Previous rank − rank: positive moved up; null without a previous rank. */
	rank_change: number | null;
	tier: string | null;
	card: Card | null;
	card_status: CardStatus | null;
	/** Chinese reason texts, highest card first (reason_details has zh, en and the numbers). */
	reasons: readonly string[];
	reason_details: readonly CardReason[];
	/** Cards whose own conditions held this period (before escalation): the lifecycle's memory. */
	card_conditions: readonly Card[];
	/** Missing data and prorated targets, in Chinese. */
	notes: readonly string[];
	indicators: Record<string, IndicatorScore>;
	rectification?: Rectification;
}

export interface Assessment {
	scheme: string;
	scheme_year: number;
	period: string;
	/** The scheme's year-end assessment (年终考核): its ranking counts for "last place N years". */
	final: boolean;
	level: AssessedLevel;
	previous_period: string | null;
	/** About the whole assessment: a borrowed scheme, prorated targets. */
	notes: string[];
	/** The same notes in English, for the site's English pages. */
	notes_en: string[];
	/** Ranked units by rank then code, then the unranked by code. */
	units: UnitAssessment[];
}
