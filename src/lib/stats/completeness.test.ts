import { describe, expect, it } from 'vitest';
import {
	completeness,
	completenessBy,
	reportStatus,
	villagesMissingMost,
	type ReportCell
} from './completeness';

const cell = (code: string, month: number, over: Partial<ReportCell> = {}): ReportCell => ({
	code,
	township_code: code.slice(0, 1),
	month,
	submitted_on: '2024-02-02',
	received: 1,
	on_time: 1,
	judged: 1,
	carried: 0,
	...over
});
const LATE = { on_time: 0, submitted_on: '2024-02-09' };
const MISSING = { received: 0, on_time: 0, submitted_on: null };
const CARRIED = { ...MISSING, carried: 1 };
const PENDING = { on_time: 0, judged: 0, submitted_on: '2024-07-03' };
const UNDATED = { on_time: 0, judged: 0, submitted_on: null };

describe('reportStatus', () => {
	it.each([
		[{}, 'on_time'],
		[LATE, 'late'],
		[MISSING, 'missing'],
		[CARRIED, 'carried'],
		[PENDING, 'pending'],
		[UNDATED, 'undated'],
		// not received and not yet due is still missing for the matrix (the deadline decides lateness only)
		[{ ...MISSING, judged: 0 }, 'missing']
	] as const)('%j → %s', (over, status) => expect(reportStatus(cell('a1', 1, over))).toBe(status));
});

describe('completeness (known answers)', () => {
	// 2 townships a, b; a1, a2, b1 over 4 months = 12 village-months:
	// a1: on time ×4; a2: late, missing, carried, on time; b1: on time, pending, undated, late
	const cells = [
		...[1, 2, 3, 4].map((m) => cell('a1', m)),
		cell('a2', 1, LATE),
		cell('a2', 2, MISSING),
		cell('a2', 3, CARRIED),
		cell('a2', 4),
		cell('b1', 1),
		cell('b1', 2, PENDING),
		cell('b1', 3, UNDATED),
		cell('b1', 4, LATE)
	];

	it('counts and rates the whole scope', () => {
		expect(completeness(cells)).toEqual({
			due: 12,
			received: 10,
			onTime: 6,
			late: 2,
			missing: 2,
			carried: 1,
			pending: 1,
			undated: 1,
			judged: 10,
			receivedRate: 10 / 12,
			// the pending and the undated report are not judged: 6 of 10
			onTimeRate: 6 / 10
		});
	});

	it('rates per township and per month', () => {
		const byTownship = completenessBy(cells, (c) => c.township_code);
		expect(byTownship.map((g) => [g.key, g.stats.due, g.stats.onTime, g.stats.onTimeRate])).toEqual(
			[
				['a', 8, 5, 5 / 8],
				['b', 4, 1, 1 / 2]
			]
		);
		const byMonth = completenessBy(cells, (c) => c.month);
		expect(
			byMonth.map((g) => [g.key, g.stats.received, g.stats.missing, g.stats.onTimeRate])
		).toEqual([
			[1, 3, 0, 2 / 3],
			[2, 2, 1, 1 / 2],
			[3, 2, 1, 1 / 2],
			[4, 3, 0, 2 / 3]
		]);
	});

	it('names the villages missing most, and none that missed nothing', () => {
		const more = [...cells, cell('b2', 1, MISSING), cell('c1', 1, CARRIED), cell('c1', 2, MISSING)];
		expect(villagesMissingMost(more).map((v) => [v.code, v.stats.missing])).toEqual([
			['a2', 2],
			['c1', 2],
			['b2', 1]
		]);
		expect(villagesMissingMost(more, 1).map((v) => v.code)).toEqual(['a2']);
	});

	it('says no rate rather than 0 when nothing is due or judged', () => {
		expect(completeness([])).toMatchObject({ due: 0, receivedRate: null, onTimeRate: null });
		expect(completeness([cell('a1', 1, PENDING)]).onTimeRate).toBeNull();
	});
});
