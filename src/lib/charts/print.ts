/**
 * The width a chart may take on paper, in CSS pixels (96 per inch): A4 is 210 mm wide and the
 * page margins of src/lib/styles/print.css take 12 mm each side, leaving 186 mm. Change both
 * together.
 */
export const PRINT_WIDTH_MM = 210 - 2 * 12;
export const PRINT_WIDTH_PX = Math.floor((PRINT_WIDTH_MM / 25.4) * 96);

/**
 * The chart's size for paper: the printable width at most, the height as on screen. Null when
 * the chart fits already: a redraw would only cost time (and a layer's worth of risk).
 */
export function printSize(width: number, height: number): { width: number; height: number } | null {
	return width > PRINT_WIDTH_PX ? { width: PRINT_WIDTH_PX, height } : null;
}
