import type { UnitAssessment } from '../assess';
import type { Config } from '../config';
import { formatPeriodKey, joinRemarks } from '../format';
import { t, type Lang } from '../i18n';
import { cardText } from './assessment-export';
import type { CardStep } from './cards';
import { countColumn, textColumn, type ColumnStyle, type ExportTable } from './table-export';
import type { Tile } from './tiles';
import { scoreRows } from './unit';

const amount = (money: boolean): ColumnStyle => (money ? { kind: 'yuan' } : { kind: 'quantity' });

/**
 * A unit's indicators (the tiles) as lines: value, counts and coverage, last year's value and
 * whether the target is met. Each line has its own number format, so the value's column is
 * written as plain numbers and the unit (%, ‰) stands in its own column.
 */
export function tilesExport(tiles: readonly Tile[], title: string, lang: Lang): ExportTable {
	const valueStyle: ColumnStyle = { kind: 'ratio', decimals: 2 };
	return {
		view: t(lang, 'unit.indicators'),
		title,
		columns: [
			textColumn(t(lang, 'unit.indicator')),
			{ header: t(lang, 'unit.value'), style: valueStyle },
			textColumn(t(lang, 'export.unitOfValue')),
			textColumn(t(lang, 'tile.numerator')),
			{ header: t(lang, 'export.numeratorValue'), style: { kind: 'quantity' } },
			textColumn(t(lang, 'tile.denominator')),
			{ header: t(lang, 'export.denominatorValue'), style: { kind: 'quantity' } },
			countColumn(t(lang, 'table.used')),
			countColumn(t(lang, 'table.due')),
			{ header: t(lang, 'tile.lastYear'), style: valueStyle },
			textColumn(t(lang, 'tile.target'))
		],
		rows: tiles.map((x) => [
			x.indicator.name[lang],
			x.current?.value ?? null,
			t(lang, `unit.${x.indicator.unit}`),
			x.numeratorLabel,
			x.current?.numerator ?? null,
			x.denominatorLabel ?? '',
			x.current?.denominator ?? null,
			x.current?.used ?? null,
			x.current?.due ?? null,
			x.lastYear?.value ?? null,
			x.met === null ? '' : t(lang, x.met ? 'tile.met' : 'tile.notMet')
		])
	};
}

/** The points table of a unit: each indicator's value, counts and coverage, points and weight. */
export function pointsExport(
	unit: UnitAssessment,
	config: Config,
	title: string,
	lang: Lang
): ExportTable {
	return {
		view: t(lang, 'unit.points'),
		title,
		columns: [
			textColumn(t(lang, 'unit.indicator')),
			{ header: t(lang, 'unit.value'), style: { kind: 'ratio', decimals: 2 } },
			{ header: t(lang, 'tile.numerator'), style: amount(false) },
			{ header: t(lang, 'tile.denominator'), style: amount(false) },
			countColumn(t(lang, 'table.used')),
			countColumn(t(lang, 'table.due')),
			{ header: t(lang, 'export.points'), style: { kind: 'ratio', decimals: 2 } },
			countColumn(t(lang, 'export.weight')),
			textColumn(t(lang, 'table.note'))
		],
		rows: scoreRows(unit, config, lang).map((s) => [
			s.name,
			s.value,
			s.numerator,
			s.denominator,
			s.coverage[0],
			s.coverage[1],
			s.no_data ? null : s.score,
			s.weight,
			joinRemarks(
				[
					s.no_data ? t(lang, 'rankings.legendNone') : '',
					s.arrears ? t(lang, 'unit.arrears') : ''
				].filter(Boolean),
				lang
			)
		])
	};
}

/** A unit's card in each assessment period, with why. */
export function cardStepsExport(
	steps: readonly CardStep[],
	title: string,
	lang: Lang
): ExportTable {
	return {
		view: t(lang, 'cards.history'),
		title,
		columns: [
			textColumn(t(lang, 'table.period')),
			textColumn(t(lang, 'rankings.card')),
			textColumn(t(lang, 'cards.reasons'))
		],
		rows: steps.map((s) => [
			formatPeriodKey(s.period, lang),
			cardText(s.card, s.status, lang),
			joinRemarks(
				s.reasons.map((r) => r[lang]),
				lang
			)
		])
	};
}
