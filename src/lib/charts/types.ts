import type { Indicator } from '../config/catalog-schema';
import type { AmountKind } from '../format';
import type { Lang } from '../i18n';
import type { IndicatorRow, Level } from '../query/types';

/** The rows of one unit, ordered by period. */
export interface TrendSeries {
	code: string;
	name: string;
	rows: IndicatorRow[];
	/** Draws the county line apart from the others; guessed from the code when absent. */
	level?: Level;
}

export type TrendTarget =
	| { kind: 'line'; value: number; label: string }
	| { kind: 'band'; low: number; high: number; label: string };

export interface TrendConfig {
	indicator: Indicator;
	lang: Lang;
	/** Names of the counts behind the rate, e.g. 政策内出生 / 出生人数. */
	numeratorLabel: string;
	denominatorLabel: string | null;
	target?: TrendTarget;
	/** The rows were asked for annualised (only annualisable indicators honour it). */
	annualised: boolean;
	/** The denominator is money (yuan are not events: no small-numbers mark). */
	moneyDenominator?: boolean;
	/** How the counts behind the rate are written; plain counts when absent. */
	amounts?: { numerator: AmountKind; denominator: AmountKind };
	/** Codes of the units drawn in colour (the trends chart); the rest are grey. */
	highlight?: readonly string[];
}

export interface SmallMultiplesConfig extends TrendConfig {
	columns: number;
}
