import type { Scheme } from '../config/scheme';
import { reason, type CardDecision } from './cards';
import type { PeriodOutcome } from './judge';
import type { ReasonText } from './reason-text';
import type { Rectification } from './types';

type VillagesBlock = NonNullable<Scheme['villages']>;

/**
 * 后进村 [003, 004]: the lowest villages of each county — `yellow_lowest` of them, or the share
 * `yellow_lowest_share` of those ranked (at least one) — are carded yellow.
 */
export function lowestCounts(block: VillagesBlock, rankedPerGroup: Int32Array): Int32Array {
	return rankedPerGroup.map(
		(ranked) =>
			block.yellow_lowest ?? Math.max(1, Math.round((block.yellow_lowest_share ?? 0) * ranked))
	);
}

/**
 * The rectification window [004: 用两个月的时间，集中整改]: a village carded as lagging is checked
 * every month after the assessment, `rectification_months` times. Its card is lifted at the
 * first check where it holds no card condition — no longer among the lowest that month, no
 * veto trigger — and turns black when the window ends with it still lagging. A village with no
 * data in a checked month is still lagging: not reporting is not rectifying. The window stops
 * at the first month with no data at all (not reported yet): the outcome is then pending.
 */
export function rectify(
	unit: number,
	group: number,
	decision: CardDecision,
	window: readonly string[],
	checks: readonly PeriodOutcome[],
	text: ReasonText
): { decision: CardDecision; rectification: Rectification } | null {
	if (
		window.length === 0 ||
		decision.card !== 'yellow' ||
		!decision.reasons.some((r) => r.rule === 'village_lowest')
	)
		return null;
	const rectification: Rectification = { window: [...window], checks: [], outcome: 'pending' };
	for (const check of checks) {
		const rank = check.ranks.rank[unit];
		const lagging = rank === 0 || check.decisions[unit].card !== null;
		rectification.checks.push({ period: check.period.text, rank: rank || null, lagging });
		if (!lagging) {
			const lowest = check.lowest?.[group] ?? 0;
			const t = text.rectified(check.period.text, rank, lowest);
			const lift = reason('yellow', 'rectification', null, rank, lowest, t);
			rectification.outcome = 'lifted';
			return {
				decision: {
					...decision,
					card: null,
					status: 'lifted',
					reasons: [...decision.reasons, lift]
				},
				rectification
			};
		}
	}
	if (rectification.checks.length < window.length) return { decision, rectification };
	const lowest = checks[checks.length - 1]?.lowest?.[group] ?? 0;
	const t = text.notRectified([...window], lowest, 'black');
	const escalate = reason('black', 'rectification', null, window.length, window.length, t);
	rectification.outcome = 'escalated';
	return {
		decision: {
			...decision,
			card: 'black',
			status: 'escalated',
			reasons: [escalate, ...decision.reasons]
		},
		rectification
	};
}
