import type { Manifest } from '../extract/schema';
import { formatDate, formatMonth } from '../format';
import { t, type Lang } from '../i18n';
import { parseReportMonth, type MonthIndex } from '../periods';

type HeaderManifest = Pick<Manifest, 'counties' | 'periods' | 'generator' | 'today'>;

/** The parts of the line a printed page starts with, each already in words. */
export interface PrintHeaderParts {
	county: string;
	period: string;
	dataset: string;
	printed: string;
}

/** 2019年1月至2024年12月 / Jan 2019 – Dec 2024: the months a page covers. */
export function monthRangeText(from: MonthIndex, to: MonthIndex, lang: Lang): string {
	if (from === to) return formatMonth(from, lang);
	return t(lang, 'print.range', { from: formatMonth(from, lang), to: formatMonth(to, lang) });
}

/**
 * What a sheet of paper needs to stand on its own once it has left the screen: whose numbers
 * (county), of when (the period the page shows — the whole data set's months for a page that
 * shows no period), from which data set (its generator and the day it was built, in the
 * county's time zone) and when it was printed, so that two printouts can be told apart.
 */
export function printHeader(
	manifest: HeaderManifest | null,
	shown: { county?: string; period?: string },
	lang: Lang,
	now: Date
): PrintHeaderParts {
	const counties = manifest?.counties.map((c) => c.name).join(lang === 'zh' ? '、' : ', ') ?? '';
	const from = manifest ? parseReportMonth(manifest.periods.from) : null;
	const to = manifest ? parseReportMonth(manifest.periods.to) : null;
	const period =
		shown.period ?? (from !== null && to !== null ? monthRangeText(from, to, lang) : '');
	return {
		county: shown.county ?? counties,
		period: period ? t(lang, 'print.period', { period }) : '',
		dataset: manifest
			? t(lang, 'print.dataset', {
					generator: manifest.generator,
					date: formatDate(manifest.today, lang)
				})
			: '',
		printed: t(lang, 'print.printed', { date: formatDate(now, lang) })
	};
}
