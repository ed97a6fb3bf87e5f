/**
 * Completeness and timeliness of the monthly reports (README, "Timeliness"; seed 001's monthly
 * report day). A report is on time when received by the due day of the next month, late after
 * it; a village-month without a report is missing — "carried" when its month-end stocks were
 * carried from an earlier report, so the rates still count its population. A report whose
 * deadline has not passed is pending, one without 报送日期 undated: neither is late, and neither
 * enters the on-time rate, whose denominator is the judged village-months (the build's
 * reports_judged, missing ones included).
 */

export type ReportStatus = 'on_time' | 'late' | 'missing' | 'carried' | 'pending' | 'undated';

/** What the build published for one village-month (village_month's reports_* columns). */
export interface ReportCell {
	code: string;
	township_code: string;
	month: number;
	submitted_on: string | null;
	received: number;
	on_time: number;
	judged: number;
	carried: number;
}

export function reportStatus(c: ReportCell): ReportStatus {
	if (!c.received) return c.carried ? 'carried' : 'missing';
	if (c.on_time) return 'on_time';
	if (!c.judged) return c.submitted_on === null ? 'undated' : 'pending';
	return 'late';
}

export interface Completeness {
	/** Village-months due (every village, every month). */
	due: number;
	received: number;
	onTime: number;
	late: number;
	/** Not received, carried ones included. */
	missing: number;
	/** Of the missing: stocks carried from an earlier report. */
	carried: number;
	pending: number;
	undated: number;
	/** Village-months whose deadline has passed and that have a date (or none arrived). */
	judged: number;
	/** received / due; null when nothing was due. */
	receivedRate: number | null;
	/** onTime / judged; null when nothing could be judged yet. */
	onTimeRate: number | null;
}

export function completeness(cells: readonly ReportCell[]): Completeness {
	const n = { on_time: 0, late: 0, missing: 0, carried: 0, pending: 0, undated: 0 };
	let judged = 0;
	for (const c of cells) {
		n[reportStatus(c)]++;
		judged += c.judged ? 1 : 0;
	}
	const due = cells.length;
	const received = n.on_time + n.late + n.pending + n.undated;
	return {
		due,
		received,
		onTime: n.on_time,
		late: n.late,
		missing: n.missing + n.carried,
		carried: n.carried,
		pending: n.pending,
		undated: n.undated,
		judged,
		receivedRate: due ? received / due : null,
		onTimeRate: judged ? n.on_time / judged : null
	};
}

/** Completeness of each group (township, month, village), in the order groups first appear. */
export function completenessBy<K>(
	cells: readonly ReportCell[],
	key: (c: ReportCell) => K
): { key: K; stats: Completeness }[] {
	const groups = new Map<K, ReportCell[]>();
	for (const c of cells) {
		const k = key(c);
		let g = groups.get(k);
		if (!g) groups.set(k, (g = []));
		g.push(c);
	}
	return [...groups].map(([k, g]) => ({ key: k, stats: completeness(g) }));
}

/**
 * The villages that missed most reports, most first (then late reports, then code), those that
 * missed none left out; at most `limit`.
 */
export function villagesMissingMost(
	cells: readonly ReportCell[],
	limit = 10
): { code: string; stats: Completeness }[] {
	return completenessBy(cells, (c) => c.code)
		.filter((g) => g.stats.missing > 0)
		.sort(
			(a, b) =>
				b.stats.missing - a.stats.missing ||
				b.stats.late - a.stats.late ||
				(a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
		)
		.slice(0, limit)
		.map((g) => ({ code: g.key, stats: g.stats }));
}
