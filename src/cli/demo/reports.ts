import {
	monthIndex,
	monthOf,
	monthStartDay,
	type DayNumber,
	type MonthIndex
} from '../../lib/periods';
import { hasRole, type DemoModel, type Township, type Village } from './model';
import type { YearParams } from './quality';
import { fees, type FeeAccount } from './fees';
import { clamp, Rng, shiftRate, ShareTracker } from './random';
import { plantedTypo, typoDeaths } from './typos';

/** The measures a village reports, in catalog order (a test holds this to indicators.yaml). */
export const MEASURES = [
	'pop_total',
	'women_married_15_49',
	'contraception_users',
	'births_total',
	'births_male',
	'births_female',
	'births_parity1',
	'births_parity2',
	'births_parity3p',
	'births_in_policy',
	'births_out_policy_3p',
	'deaths',
	'iud_insertions',
	'sterilizations',
	'abortions',
	'checkups_due',
	'checkups_done',
	'fee_assessed',
	'fee_collected',
	'prepreg_checks_done',
	'floating_checks_due',
	'floating_checks_done',
	'floating_info_sent',
	'floating_info_feedback',
	'births_unreported_found'
] as const;

export type MeasureId = (typeof MEASURES)[number];

/** One village's monthly report; null = not reported (an empty cell, never zero). */
export type ReportRow = {
	code: string;
	/** The village name, for the files that carry a 村名 column. */
	name: string;
	month: MonthIndex;
	submittedOn: DayNumber;
} & Record<MeasureId, number | null>;

export interface TownshipYear {
	township: Township;
	year: number;
	/** Months of the year inside the requested range. */
	months: MonthIndex[];
	/** Sorted by month, then village code; designed gaps are simply absent. */
	rows: ReportRow[];
	/** Village-months left out on purpose (reports never received). */
	missing: number;
}

/** What a village carries from month to month: stocks, and fees still to be paid. */
interface VillageState extends FeeAccount {
	village: Village;
	pop: number;
	women: number;
	users: number;
	/** Births since the last clean-up, of which some turn out to have been unreported. */
	halfBirths: number;
}

/** Per-township trackers keep designed shares (sex ratio, compliance, …) on target. */
interface Trackers {
	male: ShareTracker;
	inPolicy: ShareTracker;
	checks: ShareTracker;
	floating: ShareTracker;
	feedback: ShareTracker;
	unreported: ShareTracker;
}

/**
 * Streams one township's reports a year at a time, so that even a province is written with
 * one township-year in memory. Each township has its own random stream, so the order in which
 * townships are generated does not change their data.
 */
export function* townshipYears(model: DemoModel, t: Township): Generator<TownshipYear> {
	const { from, to, seed } = model.options;
	const rng = new Rng(seed, 'reports', t.code);
	const tracker = () => new ShareTracker(rng);
	const trackers: Trackers = {
		male: tracker(),
		inPolicy: tracker(),
		checks: tracker(),
		floating: tracker(),
		feedback: tracker(),
		unreported: tracker()
	};
	const first = t.years[0];
	const states: VillageState[] = t.villages.map((village) => {
		const women = Math.round(village.pop0 * village.womenShare);
		const users = Math.round(women * shiftRate(first.prevalence, village.offset / 2));
		return { village, pop: village.pop0, women, users, halfBirths: 0, pending: [] };
	});
	const lastYear = model.years[model.years.length - 1];

	for (const y of t.years) {
		const months = monthsOf(y.year, from, to);
		const ctx: MonthContext = { rng, tr: trackers, t, y, firstYear: model.years[0] };
		const forced =
			hasRole(t, 'out_policy_3p') && y.year === lastYear
				? forcedCases(rng, t, months)
				: new Set<string>();
		const typo = y.year === lastYear ? plantedTypo(t, months) : null;
		const rows: ReportRow[] = [];
		let missing = 0;
		for (const m of months) {
			// Sometimes the township statistician forwards every village's form late.
			const townLate = rng.chance(y.lateProb / 4) ? rng.int(2, 12) : 0;
			for (let i = 0; i < states.length; i++) {
				const key = `${m}:${i}`;
				const row = villageMonth(ctx, states[i], m, forced.has(key), townLate);
				const absent = rng.chance(states[i].village.lagging ? 0.01 : 0.0025);
				const slip = typo?.month === m && typo.village === i;
				if (slip) row.deaths = typoDeaths(row.deaths!);
				if (absent && !forced.has(key) && !slip) missing++;
				else rows.push(row);
			}
		}
		yield { township: t, year: y.year, months, rows, missing };
	}
}

/** The veto township's out-of-policy multi-child births: one or two, in ordinary villages. */
function forcedCases(rng: Rng, t: Township, months: MonthIndex[]): Set<string> {
	const candidates = t.villages.flatMap((v, i) => (v.tiny ? [] : [i]));
	const pool = candidates.length ? candidates : t.villages.map((_, i) => i);
	const cases = new Set<string>();
	const wanted = Math.min(rng.int(1, 2), months.length * pool.length);
	while (cases.size < wanted) cases.add(`${rng.pick(months)}:${rng.pick(pool)}`);
	return cases;
}

/** What every village-month of one township-year shares. */
interface MonthContext {
	rng: Rng;
	tr: Trackers;
	t: Township;
	y: YearParams;
	firstYear: number;
}

function monthsOf(year: number, from: MonthIndex, to: MonthIndex): MonthIndex[] {
	const months: MonthIndex[] = [];
	for (let m = Math.max(from, monthIndex(year, 1)); m <= Math.min(to, monthIndex(year, 12)); m++)
		months.push(m);
	return months;
}

function villageMonth(
	{ rng, tr, t, y, firstYear }: MonthContext,
	s: VillageState,
	m: MonthIndex,
	forcedOut3: boolean,
	townLate: number
): ReportRow {
	const v = s.village;
	const start = s.pop;

	let births = rng.poisson((start * y.birthRate * v.birthFactor) / 12_000);
	let p3 = rng.binomial(births, y.parity3);
	let p2 = rng.binomial(births - p3, y.parity2 / (1 - y.parity3));
	let p1 = births - p3 - p2;
	if (forcedOut3) {
		if (births === 0) [births, p1, p2, p3] = [1, 0, 0, 1];
		else if (p3 === 0) {
			p3 = 1;
			if (p1 > 0) p1--;
			else p2--;
		}
	}
	const male = tr.male.take(births, y.maleShare);
	const out3 = forcedOut3 ? 1 : 0;
	const inPolicy = Math.min(
		tr.inPolicy.take(births, shiftRate(y.compliance, v.offset)),
		births - out3
	);
	const deaths = rng.poisson((start * y.deathRate) / 12_000);

	let migration =
		rng.poisson((start * y.inMigration) / 12_000) - rng.poisson((start * y.outMigration) / 12_000);
	// Tiny villages stay tiny: people move to town before a hamlet empties or grows.
	if (v.tiny && start + births - deaths + migration < 160) migration += rng.int(1, 4);
	if (v.tiny && start + births - deaths + migration > 390) migration -= rng.int(1, 4);
	s.pop = Math.max(0, start + births - deaths + migration);

	const share = clamp(v.womenShare - 0.001 * (y.year - firstYear), 0.2, 0.25);
	s.women = clamp(
		s.women + Math.round((s.pop * share - s.women) * 0.2 + 0.6 * rng.normal()),
		0,
		s.pop
	);
	const prevalence = shiftRate(y.prevalence, v.offset / 2);
	s.users = clamp(
		s.users + Math.round((s.women * prevalence - s.users) * 0.25 + 0.5 * rng.normal()),
		0,
		s.women
	);

	const service = y.serviceFactor;
	// 双月查: the IUD/pregnancy checks fall due in even months only.
	const checksDue =
		monthOf(m) % 2 === 0 ? Math.round(s.women * v.dueShare * (1 + 0.02 * rng.normal())) : 0;
	const checksDone = tr.checks.take(checksDue, shiftRate(y.checkRate, v.offset));
	const floatingDue = rng.poisson(start * 0.0035 * v.floatingFactor);
	const infoSent = rng.poisson(start * 0.0012 * v.floatingFactor);
	const noInfo = hasRole(t, 'no_floating_info');

	// The designed 49% township collects the same share from everyone, so its rate holds steady.
	const spread = hasRole(t, 'fee_low') ? 0.01 : 0.08;
	const [assessed, collected] = fees(rng, s, y.feeRate, spread, m, births - inPolicy);

	s.halfBirths += births;
	let found = 0;
	if (y.unreportedShare > 0) {
		// Unreported births surface in the clean-ups before the half-year and year-end checks [001].
		if (monthOf(m) === 6 || monthOf(m) === 12) {
			found = tr.unreported.take(s.halfBirths, y.unreportedShare);
			s.halfBirths = 0;
		}
	} else if (rng.chance(0.0012)) found = 1;

	const lateProb = y.lateProb + (v.lagging ? 0.1 : 0);
	const late =
		townLate +
		(rng.chance(lateProb) ? 2 + Math.min(38, Math.floor(-Math.log(1 - rng.float()) * 7)) : 0);
	const onTimeDay = rng.chance(0.4) ? 1 : 2;

	return {
		code: v.code,
		name: v.name,
		month: m,
		submittedOn: monthStartDay(m + 1) + (late > 0 ? 1 + late : onTimeDay - 1),
		pop_total: s.pop,
		women_married_15_49: s.women,
		contraception_users: s.users,
		births_total: births,
		births_male: male,
		births_female: births - male,
		births_parity1: p1,
		births_parity2: p2,
		births_parity3p: p3,
		births_in_policy: inPolicy,
		births_out_policy_3p: out3,
		deaths,
		iud_insertions: rng.poisson(s.women * 0.0022 * service),
		sterilizations: rng.poisson(s.women * 0.00025 * service),
		abortions: rng.poisson(s.women * 0.0009),
		checkups_due: checksDue,
		checkups_done: checksDone,
		fee_assessed: assessed / 100,
		fee_collected: collected / 100,
		prepreg_checks_done: rng.poisson(s.women * 0.0028 * service),
		floating_checks_due: floatingDue,
		floating_checks_done: tr.floating.take(floatingDue, shiftRate(y.floatingCheckRate, v.offset)),
		floating_info_sent: noInfo ? null : infoSent,
		floating_info_feedback: noInfo
			? null
			: tr.feedback.take(infoSent, shiftRate(y.feedbackRate, v.offset)),
		births_unreported_found: found
	};
}
