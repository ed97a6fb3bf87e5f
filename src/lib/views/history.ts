/**
 * When a selection gets its own history entry. Arrow keys on a closed select (and on a radio
 * group) fire one `change` per key press in Chromium; typing a weight fires one per digit. If
 * each pushed an entry, Back would step through every option passed on the way. So a change of
 * the same selection within `burstMs` of the previous one replaces the current entry: the first
 * change of a burst is one Back step, the options passed over are not.
 */
export function historyPolicy(
	burstMs = 1000,
	now: () => number = () => performance.now()
): <T extends object>(from: T, to: T) => 'push' | 'replace' {
	let last: { keys: string; at: number } | null = null;
	return (from, to) => {
		const keys = changedKeys(from, to);
		const at = now();
		const burst = last !== null && last.keys === keys && at - last.at < burstMs;
		last = { keys, at };
		return burst ? 'replace' : 'push';
	};
}

/** The names of the fields that differ (arrays compared by their items), sorted and joined. */
export function changedKeys<T extends object>(from: T, to: T): string {
	const a = from as Record<string, unknown>;
	const b = to as Record<string, unknown>;
	const same = (x: unknown, y: unknown) =>
		Array.isArray(x) && Array.isArray(y)
			? x.length === y.length && x.every((v, i) => v === y[i])
			: x === y;
	return [...new Set([...Object.keys(a), ...Object.keys(b)])]
		.filter((k) => !same(a[k], b[k]))
		.sort()
		.join(',');
}
