export interface Sparkline {
	/** SVG path; a null value breaks the line (a new M), it is not bridged. */
	d: string;
	/** Where the latest value sits, for a dot; null when the latest value is missing. */
	last: { x: number; y: number } | null;
}

const num = (x: number) => String(Number(x.toFixed(2)));

/**
 * An SVG path for a tile sparkline, so the overview paints before ECharts has loaded. Values
 * span the height between pad and height − pad (a flat series sits in the middle); higher
 * values are drawn higher. A point between two gaps is drawn as a zero-length segment ("h0"),
 * which shows as a dot with stroke-linecap="round".
 */
export function sparklinePath(
	values: (number | null)[],
	width: number,
	height: number,
	pad = 2
): Sparkline {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (present.length === 0) return { d: '', last: null };
	const min = Math.min(...present);
	const max = Math.max(...present);
	const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
	const xOf = (i: number) => (values.length > 1 ? pad + i * step : width / 2);
	const yOf = (v: number) =>
		max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad);

	const parts: string[] = [];
	let run = 0;
	values.forEach((v, i) => {
		const ok = v !== null && Number.isFinite(v);
		if (ok) parts.push(`${run === 0 ? 'M' : 'L'}${num(xOf(i))} ${num(yOf(v))}`);
		const next = values[i + 1];
		const nextOk = next !== null && next !== undefined && Number.isFinite(next);
		if (ok && run === 0 && !nextOk) parts.push('h0');
		run = ok ? run + 1 : 0;
	});
	const lastValue = values[values.length - 1];
	const last =
		lastValue !== null && Number.isFinite(lastValue)
			? { x: Number(num(xOf(values.length - 1))), y: Number(num(yOf(lastValue))) }
			: null;
	return { d: parts.join(''), last };
}
