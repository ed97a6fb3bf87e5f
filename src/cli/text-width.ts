/**
 * Display width in a terminal: East Asian wide and full-width characters (汉字, 全角 punctuation,
 * 한글) take two columns, combining marks and zero-width characters none, the rest one. Ambiguous
 * characters (—, …, ·, →) count one, as most terminals draw them; tables avoid them in columns
 * that must line up.
 */
export function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += charWidth(ch.codePointAt(0)!);
	return width;
}

const wide: [number, number][] = [
	[0x1100, 0x115f], // Hangul Jamo
	[0x2e80, 0x303e], // CJK radicals, punctuation 、。「」
	[0x3041, 0x33ff], // kana, CJK compatibility
	[0x3400, 0x4dbf], // CJK extension A
	[0x4e00, 0x9fff], // CJK unified ideographs
	[0xa000, 0xa4cf], // Yi
	[0xac00, 0xd7a3], // Hangul syllables
	[0xf900, 0xfaff], // CJK compatibility ideographs
	[0xfe30, 0xfe4f], // CJK compatibility forms
	[0xff00, 0xff60], // full-width forms （），：
	[0xffe0, 0xffe6], // full-width signs ￥
	[0x20000, 0x3fffd] // CJK extensions B–F
];

const zero: [number, number][] = [
	[0x0300, 0x036f], // combining diacritics
	[0x200b, 0x200f], // zero-width space, joiners, marks
	[0xfe00, 0xfe0f] // variation selectors
];

const within = (ranges: [number, number][], cp: number) =>
	ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

function charWidth(cp: number): number {
	if (cp < 0x1100) return cp >= 0x0300 && cp <= 0x036f ? 0 : 1;
	if (within(zero, cp)) return 0;
	return within(wide, cp) ? 2 : 1;
}

/** Pads with spaces to `width` columns: on the right (text), or on the left (numbers). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
	return align === 'left' ? text + fill : fill + text;
}
