import { describe, expect, it } from 'vitest';
import { dayNumber, monthOf, yearOf } from '../../lib/periods';
import type { Township } from './model';
import { all, lastYear, model, rate, rows, rowsOf, slips, sum, withRole } from './testing';

describe('designed defects of the default county', () => {
	it('has ~5–8% late reports, some of them weeks late', () => {
		const lateness = rows.map(
			(r) => r.submittedOn - dayNumber(yearOf(r.month + 1), monthOf(r.month + 1), 2)
		);
		const late = lateness.filter((d) => d > 0);
		expect(late.length / rows.length).toBeGreaterThan(0.04);
		expect(late.length / rows.length).toBeLessThan(0.09);
		expect(Math.max(...late)).toBeGreaterThanOrEqual(14);
		expect(lateness.filter((d) => d <= 0).every((d) => d >= -1)).toBe(true);
	});

	it('leaves out about 0.3% of village-months entirely', () => {
		const expected = model.townships.reduce((s, t) => s + t.villages.length, 0) * 72;
		const missing = expected - rows.length;
		expect(missing).toBe(all.reduce((s, ty) => s + ty.missing, 0));
		expect(missing / expected).toBeGreaterThan(0.001);
		expect(missing / expected).toBeLessThan(0.006);
	});

	it('has out-of-policy multi-child births only in the veto township, only in 2024', () => {
		const veto = withRole('out_policy_3p');
		const cases = rows.filter((r) => r.births_out_policy_3p! > 0);
		expect(cases.length).toBeGreaterThanOrEqual(1);
		for (const r of cases) {
			expect(r.code.startsWith(veto.code)).toBe(true);
			expect(yearOf(r.month)).toBe(lastYear);
		}
	});

	it('finds 2–4% unreported births in one township, and rarely elsewhere', () => {
		const share = (t: Township) =>
			sum(rowsOf(t), 'births_unreported_found') / sum(rowsOf(t), 'births_total');
		const designated = withRole('unreported_births');
		expect(share(designated)).toBeGreaterThanOrEqual(0.02);
		expect(share(designated)).toBeLessThanOrEqual(0.04);
		const months = new Set(
			rowsOf(designated)
				.filter((r) => r.births_unreported_found! > 0)
				.map((r) => monthOf(r.month))
		);
		expect([...months].sort((a, b) => a - b)).toEqual([6, 12]);
		for (const t of model.townships.filter((x) => x !== designated))
			expect(share(t), t.code).toBeLessThan(0.006);
	});

	it('has tiny villages of 150–400 people with a handful of births a year', () => {
		const tiny = model.townships.flatMap((t) => t.villages).filter((v) => v.tiny);
		expect(tiny.length).toBeGreaterThan(0);
		for (const v of tiny) {
			const own = rows.filter((r) => r.code === v.code);
			for (const r of own)
				expect(r.pop_total! >= 150 && r.pop_total! <= 400, `${v.code} ${r.month}`).toBe(true);
			expect(sum(own, 'births_total') / 6, v.code).toBeLessThan(10);
		}
	});

	it('leaves floating outflow notices empty for the whole of one township', () => {
		const t = withRole('no_floating_info');
		expect(
			rowsOf(t).every((r) => r.floating_info_sent === null && r.floating_info_feedback === null)
		).toBe(true);
		expect(rows.filter((r) => r.floating_info_sent === null).length).toBe(rowsOf(t).length);
	});

	it('has lagging villages that do worse than their township', () => {
		const lagging = model.townships.flatMap((t) =>
			t.villages.filter((v) => v.lagging).map((v) => [t, v] as const)
		);
		let worse = 0;
		for (const [t, v] of lagging) {
			const own = rowsOf(t).filter((r) => r.code === v.code);
			if (
				rate(own, 'checkups_done', 'checkups_due') <
				rate(rowsOf(t), 'checkups_done', 'checkups_due')
			)
				worse++;
		}
		expect(worse / lagging.length).toBeGreaterThan(0.8);
	});

	it('changes the ranking of townships between years', () => {
		const ranking = (year: number) =>
			[...model.townships]
				.sort(
					(a, b) =>
						rate(rowsOf(b, year), 'checkups_done', 'checkups_due') -
						rate(rowsOf(a, year), 'checkups_done', 'checkups_due')
				)
				.map((t) => t.code);
		const first = ranking(2019);
		const last = ranking(2024);
		const moves = first.map((code, i) => Math.abs(last.indexOf(code) - i));
		expect(Math.max(...moves)).toBeGreaterThanOrEqual(5);
		expect(first.slice(0, 5)).not.toEqual(last.slice(0, 5));
	});

	it('plants a few deaths keyed with an extra 0 in the last year, and nowhere else', () => {
		const planted = rows.filter((r) => r.deaths! >= 20);
		expect(planted.length).toBeGreaterThanOrEqual(2);
		// exactly the village-months typos.ts plans, at least 40 each
		expect(new Set(planted)).toEqual(slips);
		expect(Math.min(...planted.map((r) => r.deaths!))).toBeGreaterThanOrEqual(40);
		expect(planted.length).toBeLessThanOrEqual(8);
		for (const r of planted) {
			expect(yearOf(r.month)).toBe(lastYear);
			expect(r.deaths! % 10).toBe(0);
		}
		// one per chosen township
		expect(new Set(planted.map((r) => r.code.slice(0, 9))).size).toBe(planted.length);
		// an ordinary month of a village has a handful of deaths at most
		const ordinary = rows.filter((r) => r.deaths! < 20).map((r) => r.deaths!);
		expect(Math.max(...ordinary)).toBeLessThan(10);
	});
});
