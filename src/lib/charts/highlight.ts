import { countyColour, isCounty } from './common';
import type { TrendSeries } from './types';

/**
 * Which lines of a trend chart stand out. Nineteen townships in nineteen colours cannot be
 * told apart (any palette repeats or turns muddy), so the county and up to five chosen units
 * are drawn in distinct colours *and* distinct dashes and markers — readable in grey print and
 * by colour-blind readers — and every other unit is a thin grey line for context.
 */
export const MAX_HIGHLIGHT = 5;

export type Dash = 'solid' | 'dashed' | 'dotted' | number[];

export interface LineLook {
	colour: string;
	dash: Dash;
	/** ECharts symbol name; also drawn in the picker's swatch. */
	symbol: 'circle' | 'rect' | 'triangle' | 'diamond' | 'emptyCircle' | 'emptyRect';
	width: number;
}

export const greyLook: LineLook = { colour: '#c3c8ce', dash: 'solid', symbol: 'circle', width: 1 };

export const countyLook: LineLook = {
	colour: countyColour,
	dash: 'solid',
	symbol: 'circle',
	width: 3
};

// Okabe–Ito hues (safe for the common colour-vision deficiencies), each with its own dash and
// marker so that no two highlighted lines differ by colour alone.
const looks: LineLook[] = [
	{ colour: '#0072b2', dash: 'solid', symbol: 'rect', width: 2 },
	{ colour: '#d55e00', dash: 'dashed', symbol: 'triangle', width: 2 },
	{ colour: '#009e73', dash: 'dotted', symbol: 'diamond', width: 2.5 },
	{ colour: '#cc79a7', dash: [8, 3, 2, 3], symbol: 'emptyCircle', width: 2 },
	{ colour: '#e69f00', dash: [12, 4], symbol: 'emptyRect', width: 2 }
];

/** The highlighted codes that are drawn, in the order chosen, at most MAX_HIGHLIGHT. */
export function shownHighlight(series: TrendSeries[], highlight: readonly string[]): string[] {
	const drawn = new Set(series.filter((s) => !isCounty(s)).map((s) => s.code));
	return highlight.filter((c) => drawn.has(c)).slice(0, MAX_HIGHLIGHT);
}

/**
 * The look of every series: the county always in ink; the chosen units in the order chosen;
 * everyone else grey. With nothing chosen and at most MAX_HIGHLIGHT other units, all of them
 * stand out (a county and three townships need no choosing).
 */
export function lineLooks(series: TrendSeries[], highlight: readonly string[]): LineLook[] {
	const others = series.filter((s) => !isCounty(s));
	const chosen = shownHighlight(series, highlight);
	const order = chosen.length || others.length > MAX_HIGHLIGHT ? chosen : others.map((s) => s.code);
	return series.map((s) => {
		if (isCounty(s)) return countyLook;
		const i = order.indexOf(s.code);
		return i < 0 ? greyLook : looks[i];
	});
}

export const isGrey = (look: LineLook) => look === greyLook;

/**
 * The highlight after a click on a unit: a chosen unit is let go; a new one is added, and when
 * five are already chosen the one chosen first makes room.
 */
export function toggleHighlight(highlight: readonly string[], code: string): string[] {
	if (highlight.includes(code)) return highlight.filter((c) => c !== code);
	return [...highlight, code].slice(-MAX_HIGHLIGHT);
}

/** An SVG stroke-dasharray for a swatch drawn outside the chart (the picker's buttons). */
export function svgDash(dash: Dash, width: number): string | undefined {
	if (dash === 'solid') return undefined;
	if (dash === 'dashed') return `${5 * width} ${3 * width}`;
	if (dash === 'dotted') return `${width} ${2 * width}`;
	return dash.join(' ');
}
