import type { Assessment, Card, CardStatus, UnitAssessment } from '../assess';
import type { Catalog } from '../config/catalog-schema';
import { formatPeriodKey, joinRemarks, paren } from '../format';
import { t, type Lang } from '../i18n';
import { cardHistory } from './cards';
import { fractionKinds, fractionLabels } from './labels';
import {
	countColumn,
	textColumn,
	type ColumnStyle,
	type ExportColumn,
	type ExportTable
} from './table-export';

/** A card as words, as its badge reads: 黄牌（新）, 已撤牌, or nothing. */
export function cardText(card: Card | null, status: CardStatus | null, lang: Lang): string {
	if (card)
		return `${t(lang, `card.${card}`)}${status ? paren(t(lang, `cardStatus.${status}`), lang) : ''}`;
	return status === 'lifted' ? t(lang, 'cards.lifted') : '';
}

const reasonsOf = (u: UnitAssessment, lang: Lang) =>
	joinRemarks(
		u.reason_details.map((r) => r[lang]),
		lang
	);

const part = (a: string, b: string) => `${a}·${b}`;

/**
 * Per scored indicator: the score earned, the value, the counts it is the ratio of and the
 * unit-months it covers — the tip of a ranking cell, as columns a spreadsheet can sort.
 */
function indicatorColumns(
	indicators: readonly { id: string; name: string; weight: number }[],
	catalog: Catalog,
	lang: Lang
): { columns: ExportColumn[]; cells: (u: UnitAssessment) => (number | null)[] } {
	const columns: ExportColumn[] = [];
	const found = indicators.flatMap((i) => {
		const ind = catalog.indicators.find((x) => x.id === i.id);
		return ind ? [{ ...i, ind }] : [];
	});
	for (const { name, weight, ind } of found) {
		const labels = fractionLabels(catalog, ind, lang);
		const kinds = fractionKinds(catalog, ind);
		const amount = (k: string): ColumnStyle =>
			k === 'money' ? { kind: 'yuan' } : { kind: 'quantity' };
		columns.push(
			{
				header: part(name, `${t(lang, 'export.points')}${paren(String(weight), lang)}`),
				style: { kind: 'ratio', decimals: 2 }
			},
			{ header: name, style: { kind: ind.unit, decimals: ind.decimals } },
			{ header: part(name, labels.numerator), style: amount(kinds.numerator) }
		);
		if (labels.denominator)
			columns.push({ header: part(name, labels.denominator), style: amount(kinds.denominator) });
		columns.push(
			countColumn(part(name, t(lang, 'table.used'))),
			countColumn(part(name, t(lang, 'table.due')))
		);
	}
	const cells = (u: UnitAssessment) =>
		found.flatMap(({ id, ind }) => {
			const s = u.indicators[id];
			const withDenominator = fractionLabels(catalog, ind, lang).denominator !== null;
			if (!s) return Array<null>(withDenominator ? 6 : 5).fill(null);
			return [
				s.no_data ? null : s.score,
				s.value,
				s.numerator,
				...(withDenominator ? [s.denominator] : []),
				s.coverage[0],
				s.coverage[1]
			];
		});
	return { columns, cells };
}

/** The ranking table as a file, in the order shown, with every indicator's counts. */
export function rankingExport(
	units: readonly UnitAssessment[],
	indicators: readonly { id: string; name: string; weight: number }[],
	catalog: Catalog,
	tierLabel: (name: string) => string,
	title: string,
	lang: Lang
): ExportTable {
	const ind = indicatorColumns(indicators, catalog, lang);
	return {
		view: t(lang, 'nav.rankings'),
		title,
		columns: [
			countColumn(t(lang, 'rankings.rank')),
			countColumn(t(lang, 'rankings.change')),
			textColumn(t(lang, 'table.code')),
			textColumn(t(lang, 'rankings.unit')),
			{ header: t(lang, 'rankings.score'), style: { kind: 'ratio', decimals: 2 } },
			textColumn(t(lang, 'rankings.tier')),
			textColumn(t(lang, 'rankings.card')),
			textColumn(t(lang, 'cards.reasons')),
			...ind.columns
		],
		rows: units.map((u) => [
			u.rank,
			u.rank_change,
			u.code,
			u.name,
			u.rank === null ? null : u.score,
			u.tier ? tierLabel(u.tier) : '',
			cardText(u.card, u.card_status, lang),
			reasonsOf(u, lang),
			...ind.cells(u)
		])
	};
}

/** The card matrix: one line per unit, one column per assessment period. */
export function cardMatrixExport(
	assessments: readonly Assessment[],
	units: readonly { code: string; name: string }[],
	catalog: Catalog,
	title: string,
	lang: Lang
): ExportTable {
	return {
		view: t(lang, 'nav.cards'),
		title,
		columns: [
			textColumn(t(lang, 'table.code')),
			textColumn(t(lang, 'rankings.unit')),
			...assessments.map((a) => textColumn(formatPeriodKey(a.period, lang)))
		],
		rows: units.map((u) => [
			u.code,
			u.name,
			...cardHistory(u.code, assessments, catalog).map((s) => cardText(s.card, s.status, lang))
		])
	};
}

/** Carded units (villages of the 三牌 page, townships of the overview) with why. */
export function cardedExport(
	units: readonly UnitAssessment[],
	parentName: ((code: string | null) => string) | null,
	view: string,
	title: string,
	lang: Lang
): ExportTable {
	return {
		view,
		title,
		columns: [
			textColumn(t(lang, 'table.code')),
			textColumn(t(lang, 'rankings.unit')),
			...(parentName ? [textColumn(t(lang, 'rankings.township'))] : []),
			countColumn(t(lang, 'rankings.rank')),
			textColumn(t(lang, 'rankings.card')),
			textColumn(t(lang, 'cards.reasons'))
		],
		rows: units.map((u) => [
			u.code,
			u.name,
			...(parentName ? [parentName(u.parent_code)] : []),
			u.rank,
			cardText(u.card, u.card_status, lang),
			reasonsOf(u, lang)
		])
	};
}
