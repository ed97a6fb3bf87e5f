import { monthIndex, yearOf, type MonthIndex } from '../../lib/periods';
import {
	countyName,
	townshipName,
	villageName,
	type TownshipKind,
	type VillageKind
} from './names';
import { yearParams, type YearParams } from './quality';
import { clamp, Rng } from './random';

export interface DemoOptions {
	seed: number;
	townships: number;
	villages: number;
	from: MonthIndex;
	to: MonthIndex;
}

export const DEMO_DEFAULTS: DemoOptions = {
	seed: 1,
	townships: 19,
	villages: 300,
	from: monthIndex(2019, 1),
	to: monthIndex(2024, 12)
};

/** The ranking rules of the seeds assume 19 townships per county [003]. */
export const TOWNSHIPS_PER_COUNTY = 19;

/**
 * Designed defects and quirks, each given to one township per county so that the assessment has
 * something real to find (the veto, the 49% fee collection of seed 002, the 39% task of 001).
 */
export type Role =
	| 'sex_ratio_high'
	| 'out_policy_3p'
	| 'fake_checks'
	| 'no_floating_info'
	| 'fee_low'
	| 'village_name_column'
	| 'unreported_births'
	| 'prepreg_lag'
	| 'tiny_village';

/** Where each role sits in a county of 19 townships (1-based); other sizes scale it. */
const ROLE_SLOTS: [Role, number][] = [
	['sex_ratio_high', 4],
	['out_policy_3p', 7],
	['fake_checks', 9],
	['no_floating_info', 10],
	['fee_low', 12],
	['village_name_column', 13],
	['unreported_births', 15],
	['prepreg_lag', 17],
	['tiny_village', 18]
];
const ENGLISH_SLOTS = [2, 16];

/**
 * How a township sends its reports: Excel with Chinese headers, Excel-exported GBK CSV with the
 * main Chinese names or with aliases, or a UTF-8 CSV with English ids from a newer system.
 */
export type FileFormat = 'xlsx' | 'gbk-names' | 'gbk-aliases' | 'utf8-ids';

export interface Village {
	code: string;
	name: string;
	kind: VillageKind;
	townshipCode: string;
	pop0: number;
	tiny: boolean;
	/** A 后进村: its rates sit well below its township's. */
	lagging: boolean;
	/** Logit-scale shift of the township's rates for this village. */
	offset: number;
	womenShare: number;
	/** Share of married women due for the bimonthly IUD/pregnancy check. */
	dueShare: number;
	birthFactor: number;
	floatingFactor: number;
}

export interface Township {
	code: string;
	name: string;
	kind: TownshipKind;
	countyCode: string;
	/** Position within its county, 0-based. */
	index: number;
	villages: Village[];
	roles: readonly Role[];
	format: FileFormat;
	years: YearParams[];
}

export interface County {
	code: string;
	name: string;
	townships: Township[];
}

export interface DemoModel {
	options: DemoOptions;
	counties: County[];
	townships: Township[];
	years: number[];
}

export const hasRole = (t: Township, role: Role) => t.roles.includes(role);

/** A designed event's year: the preferred one when the range covers it, else the nearest. */
export const designYear = (model: DemoModel, preferred: number) =>
	clamp(preferred, model.years[0], model.years[model.years.length - 1]);

/** The unit tree and every township's yearly parameters; report rows come later, streamed. */
export function buildModel(options: DemoOptions): DemoModel {
	const years: number[] = [];
	for (let y = yearOf(options.from); y <= yearOf(options.to); y++) years.push(y);
	const villageCounts = splitVillages(
		new Rng(options.seed, 'tree'),
		options.townships,
		options.villages
	);
	const countyCount = Math.ceil(options.townships / TOWNSHIPS_PER_COUNTY);
	const counties: County[] = [];
	let next = 0;
	for (let c = 0; c < countyCount; c++) {
		const n =
			Math.floor(options.townships / countyCount) + (c < options.townships % countyCount ? 1 : 0);
		counties.push(buildCounty(options, c, villageCounts.slice(next, next + n), years));
		next += n;
	}
	return { options, counties, townships: counties.flatMap((c) => c.townships), years };
}

/** Uneven village counts (8–30 around the default mean of 16), at least one each. */
function splitVillages(rng: Rng, townships: number, villages: number): number[] {
	const weights = Array.from({ length: townships }, () => rng.range(0.5, 1.9));
	const total = weights.reduce((s, w) => s + w, 0);
	const exact = weights.map((w) => (villages * w) / total);
	const counts = exact.map(Math.floor);
	const byRemainder = exact
		.map((x, i) => [x - Math.floor(x), i])
		.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	let left = villages - counts.reduce((s, n) => s + n, 0);
	for (const [, i] of byRemainder) if (left-- > 0) counts[i]++;
	for (let i = 0; i < townships; i++)
		while (counts[i] < 1) {
			const donor = counts.indexOf(Math.max(...counts));
			counts[donor]--;
			counts[i]++;
		}
	return counts;
}

function buildCounty(
	options: DemoOptions,
	c: number,
	villageCounts: number[],
	years: number[]
): County {
	const code = `99${pad(1 + Math.floor(c / 20), 2)}${pad(1 + (c % 20), 2)}`;
	const rng = new Rng(options.seed, 'county', code);
	const n = villageCounts.length;
	const streets = n >= 8 ? 2 + (rng.chance(0.5) ? 1 : 0) : n >= 3 ? 1 : 0;
	const xiang = n >= 8 ? rng.int(3, 5) : n >= 2 ? 1 : 0;
	const roles = new Map<number, Role[]>();
	for (const [role, slot] of ROLE_SLOTS) {
		const i = Math.floor(((slot - 1) * n) / TOWNSHIPS_PER_COUNTY);
		roles.set(i, [...(roles.get(i) ?? []), role]);
	}
	const english = new Set(
		(n >= 10 ? ENGLISH_SLOTS : ENGLISH_SLOTS.slice(1)).map((s) =>
			Math.floor(((s - 1) * n) / TOWNSHIPS_PER_COUNTY)
		)
	);

	const townshipNames = new Set<string>();
	const townships: Township[] = [];
	let others = 0;
	for (let i = 0; i < n; i++) {
		// Real codes list 街道 first; a 街道 has at most 99 neighbourhoods (codes 001–099).
		let kind: TownshipKind = i < streets ? '街道' : i >= n - xiang ? '乡' : '镇';
		if (kind === '街道' && villageCounts[i] > 99) kind = '镇';
		const tRoles = roles.get(i) ?? [];
		let format: FileFormat = 'utf8-ids';
		if (!english.has(i)) {
			const k = others++;
			format = k % 2 === 0 ? 'xlsx' : k % 4 === 1 ? 'gbk-aliases' : 'gbk-names';
		}
		const tCode = `${code}${pad(i + 1, 3)}`;
		const township: Township = {
			code: tCode,
			name: townshipName(rng, kind, townshipNames),
			kind,
			countyCode: code,
			index: i,
			villages: [],
			roles: tRoles,
			format,
			years: []
		};
		township.villages = buildVillages(rng, township, villageCounts[i]);
		township.years = yearParams(new Rng(options.seed, 'params', tCode), township, years);
		townships.push(township);
	}
	return { code, name: countyName(rng, new Set()), townships };
}

function buildVillages(rng: Rng, t: Township, count: number): Village[] {
	const used = new Set<string>();
	const seat = t.kind === '镇' && count >= 3 && rng.chance(0.7);
	const kinds: VillageKind[] = Array.from({ length: count }, (_, j) =>
		t.kind === '街道'
			? rng.chance(0.7)
				? '社区'
				: '居委会'
			: seat && j === 0
				? '居委会'
				: '村委会'
	);
	const tinyForced = t.roles.includes('tiny_village') && count >= 2;
	const tiny = kinds.map(
		(k, j) => k === '村委会' && count >= 2 && ((tinyForced && j === count - 1) || rng.chance(0.03))
	);
	const target = clamp(Math.round(count * rng.range(850, 1500)), 10_000, 36_000);
	const tinyPops = tiny.map((isTiny) => (isTiny ? rng.int(170, 360) : 0));
	const weights = tiny.map((isTiny) => (isTiny ? 0 : Math.exp(0.45 * rng.normal())));
	const weightSum = weights.reduce((s, w) => s + w, 0);
	const rest = target - tinyPops.reduce((s, p) => s + p, 0);
	let villageNo = 200;
	return kinds.map((kind, j) => {
		// 村委会 are numbered from 201, neighbourhoods from 001, as in the statistical area codes.
		const local = kind === '村委会' ? ++villageNo : j + 1;
		const lagging = rng.chance(0.07);
		return {
			code: `${t.code}${pad(local, 3)}`,
			name: villageName(rng, kind, used),
			kind,
			townshipCode: t.code,
			pop0: tiny[j] ? tinyPops[j] : Math.max(450, Math.round((rest * weights[j]) / weightSum)),
			tiny: tiny[j],
			lagging,
			offset: lagging ? -1.1 + 0.2 * rng.normal() : 0.25 * rng.normal(),
			womenShare: rng.range(0.205, 0.245),
			dueShare: rng.range(0.55, 0.72),
			birthFactor: rng.range(0.85, 1.15),
			floatingFactor: t.kind === '街道' ? rng.range(1.5, 2.2) : rng.range(0.7, 1.3)
		};
	});
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
