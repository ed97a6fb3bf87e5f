import type { Indicator } from '../config/catalog-schema';
import { formatIndicatorValue, formatPeriodKey } from '../format';
import { t, type Lang } from '../i18n';
import type { Tile } from './tiles';

/**
 * Text equivalents of pictures that carry numbers (WCAG 1.1.1): a screen reader, a leader who
 * cannot tell the colours apart and a search of the page all get the values a chart draws.
 */

type Point = { period_key: string; value: number | null };

/** The overview sparkline in words: every year's value of the same period, oldest first. */
export function sparklineText(history: Point[], indicator: Indicator, lang: Lang): string {
	if (!history.length) return '';
	const values = history.map(
		(h) =>
			`${formatPeriodKey(h.period_key, lang)} ${formatIndicatorValue(h.value, indicator, lang)}`
	);
	return t(lang, 'overview.sparkline', {
		first: formatPeriodKey(history[0].period_key, lang),
		last: formatPeriodKey(history[history.length - 1].period_key, lang),
		values: values.join(lang === 'zh' ? '，' : ', ')
	});
}

/**
 * One small multiple in words: where the unit started and ended, and its lowest and highest
 * values with their periods — what the eye reads from a small panel.
 */
export function panelText(name: string, rows: Point[], indicator: Indicator, lang: Lang): string {
	const known = rows.filter((r): r is { period_key: string; value: number } => r.value !== null);
	if (!known.length) return t(lang, 'trends.panelEmpty', { unit: name });
	const at = (r: { period_key: string; value: number }) =>
		t(lang, 'trends.panelAt', {
			value: formatIndicatorValue(r.value, indicator, lang),
			period: formatPeriodKey(r.period_key, lang)
		});
	const first = known[0];
	const last = known[known.length - 1];
	const min = known.reduce((a, b) => (b.value < a.value ? b : a));
	const max = known.reduce((a, b) => (b.value > a.value ? b : a));
	return t(lang, 'trends.panelText', {
		unit: name,
		first: at(first),
		last: at(last),
		min: at(min),
		max: at(max)
	});
}

/** Whether a tile's value meets its target, as words beside the coloured border. */
export function targetVerdict(
	tile: Pick<Tile, 'met' | 'target'>
): 'tile.met' | 'tile.notMet' | 'tile.inBand' | 'tile.outOfBand' | null {
	if (tile.met === null || !tile.target) return null;
	if (tile.target.kind === 'band') return tile.met ? 'tile.inBand' : 'tile.outOfBand';
	return tile.met ? 'tile.met' : 'tile.notMet';
}
