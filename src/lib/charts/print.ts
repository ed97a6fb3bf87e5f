/**
 * The width a chart may take on paper, in CSS pixels (96 per inch): A4 is 210 mm wide and the
 * page margins of src/lib/styles/print.css take 12 mm each side, leaving 186 mm. Change both
 * together.
 */
export const PRINT_WIDTH_MM = 210 - 2 * 12;
export const PRINT_WIDTH_PX = Math.floor((PRINT_WIDTH_MM / 25.4) * 96);

/** The chart's size for paper: as on screen, only never wider than the printable width. */
export function printSize(width: number, height: number): { width: number; height: number } {
	return { width: Math.min(width, PRINT_WIDTH_PX), height };
}
