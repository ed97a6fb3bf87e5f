import type { Scheme } from '../config/scheme';

/** The composite: the sum of the indicator scores, to the two decimals a bulletin prints. */
export const composite = (sum: number): number => Math.round(sum * 100) / 100;

export interface Ranks {
	/** Rank per unit (1 = best), ties sharing the better rank (1, 2, 2, 4); 0 = not ranked. */
	rank: Int32Array;
	/** Per group: how many units were ranked, and the worst rank (last place). */
	ranked: Int32Array;
	last: Int32Array;
	/** The ranked units in display order: by group, then rank, ties by position (= code). */
	order: Int32Array;
}

// Sort keys packed into one double (exact below 2^53): group, then score descending, then
// position — so a county of 25,000 villages sorts as plain numbers, without a comparator.
const SCORE_SLOTS = 2 ** 14; // composites 0.00–163.83
const POSITION_SLOTS = 2 ** 21;
const GROUP_SLOTS = 2 ** 12;

/**
 * Ranks units by composite within their group (the county: townships of different counties are
 * never compared). Composites are already rounded, so units printed with the same score share
 * a rank. Units that are not eligible (no data at all) stay unranked.
 */
export function rankWithinGroups(
	scores: ArrayLike<number>,
	groups: ArrayLike<number>,
	eligible: ArrayLike<boolean | number>,
	groupCount: number
): Ranks {
	const order = sortedPositions(scores, groups, eligible, groupCount);
	const rank = new Int32Array(scores.length);
	const ranked = new Int32Array(groupCount);
	const last = new Int32Array(groupCount);
	let position = 0;
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const g = groups[i];
		const prev = k > 0 ? order[k - 1] : -1;
		const sameGroup = prev >= 0 && groups[prev] === g;
		position = sameGroup ? position + 1 : 1;
		rank[i] = sameGroup && scores[prev] === scores[i] ? rank[prev] : position;
		ranked[g] = position;
		last[g] = rank[i];
	}
	return { rank, ranked, last, order };
}

function sortedPositions(
	scores: ArrayLike<number>,
	groups: ArrayLike<number>,
	eligible: ArrayLike<boolean | number>,
	groupCount: number
): Int32Array {
	const n = scores.length;
	let count = 0;
	let packable = n < POSITION_SLOTS && groupCount < GROUP_SLOTS;
	for (let i = 0; i < n; i++)
		if (eligible[i]) {
			count++;
			const s = Math.round(scores[i] * 100);
			if (!(s >= 0 && s < SCORE_SLOTS)) packable = false;
		}
	const order = new Int32Array(count);
	if (!packable) {
		let k = 0;
		for (let i = 0; i < n; i++) if (eligible[i]) order[k++] = i;
		return order.sort((a, b) => groups[a] - groups[b] || scores[b] - scores[a] || a - b);
	}
	const keys = new Float64Array(count);
	let k = 0;
	for (let i = 0; i < n; i++)
		if (eligible[i]) {
			const desc = SCORE_SLOTS - 1 - Math.round(scores[i] * 100);
			keys[k++] = (groups[i] * SCORE_SLOTS + desc) * POSITION_SLOTS + i;
		}
	keys.sort();
	for (k = 0; k < count; k++) order[k] = keys[k] % POSITION_SLOTS;
	return order;
}

/** Places moved up since the previous assessment period; null when either rank is missing. */
export const rankChange = (previous: number | null, now: number | null): number | null =>
	previous === null || now === null ? null : previous - now;

export type TierRange = { name: string; from: number; to: number } | { name: string; last: number };

export const parseTiers = (tiers: Scheme['tiers']): TierRange[] =>
	tiers.map(({ name, ranks }) => {
		const last = ranks.match(/^last (\d+)$/);
		if (last) return { name, last: +last[1] };
		const [from, to] = ranks.split('-').map(Number);
		return { name, from, to };
	});

/**
 * The tier of a rank among `ranked` units. "last N" counts from the bottom. When ranges
 * overlap — a county of 7 townships under "1-10" and "last 3" — the tier listed later wins, so
 * the last three are still named for rectification (末位) and the first four are 先进; and a
 * "last N" tier never reaches the first place, so a county of one or two is not all 末位.
 */
export function tierOf(rank: number, ranked: number, tiers: readonly TierRange[]): string | null {
	if (rank < 1) return null;
	let tier: string | null = null;
	for (const t of tiers) {
		const inside =
			'last' in t ? rank > Math.max(ranked - t.last, 1) : rank >= t.from && rank <= t.to;
		if (inside) tier = t.name;
	}
	return tier;
}
