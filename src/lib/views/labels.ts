import type { Catalog, Indicator, Term } from '../config/catalog-schema';
import type { AmountKind } from '../format';
import type { Lang } from '../i18n';

/**
 * What the numerator and denominator of an indicator count, in words: every rate on screen
 * shows the counts behind it (政策内出生 152 / 出生人数 164).
 */
export function termLabel(catalog: Catalog, term: Term, lang: Lang): string {
	const name = (id: string) => {
		const all = [...catalog.measures, ...catalog.derived, ...catalog.system_measures];
		return all.find((m) => m.id === id)?.name[lang] ?? id;
	};
	if ('sum' in term) return term.sum.map(name).join(' + ');
	if ('end' in term) return name(term.end);
	if ('mean' in term)
		return lang === 'zh' ? `平均${name(term.mean)}` : `mean ${name(term.mean).toLowerCase()}`;
	return lang === 'zh'
		? `${name(term.task)}年度任务`
		: `annual task, ${name(term.task).toLowerCase()}`;
}

export function fractionLabels(
	catalog: Catalog,
	indicator: Indicator,
	lang: Lang
): { numerator: string; denominator: string | null } {
	const f = indicator.formula;
	if (f.kind === 'ratio')
		return {
			numerator: termLabel(catalog, f.numerator, lang),
			denominator: termLabel(catalog, f.denominator, lang)
		};
	if (f.kind === 'count')
		return { numerator: termLabel(catalog, { sum: [f.measure] }, lang), denominator: null };
	// birth rate − death rate: the numerator is births − deaths over the shared mean population
	const of = (id: string) => catalog.indicators.find((i) => i.id === id)!;
	const [a, b] = [of(f.minuend), of(f.subtrahend)].map((i) => fractionLabels(catalog, i, lang));
	return { numerator: `${a.numerator} − ${b.numerator}`, denominator: a.denominator };
}

/** Money terms are shown in 元/万元, everything else as a count. */
export function termIsMoney(catalog: Catalog, term: Term): boolean {
	const ids =
		'sum' in term
			? term.sum
			: 'end' in term
				? [term.end]
				: 'mean' in term
					? [term.mean]
					: [term.task];
	return ids.some((id) => catalog.measures.find((m) => m.id === id)?.type === 'money');
}

/** How a term's figures are written: money in 元/万元, a mean stock in whole persons, else a count. */
export function termKind(catalog: Catalog, term: Term): AmountKind {
	if (termIsMoney(catalog, term)) return 'money';
	return 'mean' in term ? 'mean' : 'count';
}

/** The kinds of an indicator's numerator and denominator (a difference shares its denominator). */
export function fractionKinds(
	catalog: Catalog,
	indicator: Indicator
): { numerator: AmountKind; denominator: AmountKind } {
	const f = indicator.formula;
	if (f.kind === 'ratio')
		return {
			numerator: termKind(catalog, f.numerator),
			denominator: termKind(catalog, f.denominator)
		};
	if (f.kind === 'count') return { numerator: 'count', denominator: 'count' };
	const minuend = catalog.indicators.find((i) => i.id === f.minuend)!;
	return { numerator: 'count', denominator: fractionKinds(catalog, minuend).denominator };
}
