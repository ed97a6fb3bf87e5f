import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PRINT_WIDTH_PX, printSize } from './print';

describe('printSize', () => {
	it('is the printable width of A4 within the margins print.css sets', () => {
		const css = readFileSync(new URL('../styles/print.css', import.meta.url), 'utf8');
		const [, sides] = /@page\s*{[^}]*margin:\s*\S+\s+(\d+)mm/.exec(css)!;
		expect(PRINT_WIDTH_PX).toBe(Math.floor(((210 - 2 * Number(sides)) / 25.4) * 96));
		expect(PRINT_WIDTH_PX).toBe(702);
	});

	it('narrows a wide chart to the sheet and leaves a narrow one alone', () => {
		expect(printSize(1200, 380)).toEqual({ width: 702, height: 380 });
		expect(printSize(500, 300)).toBeNull();
		expect(printSize(702, 300)).toBeNull();
	});
});
