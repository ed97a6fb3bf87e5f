import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, schemeFor } from './index';
import { loadConfig } from './load';
import { headerLookup, normalizeHeader, parseCatalog } from './catalog';
import { parseScheme } from './scheme';

const indicatorsText = readFileSync('data/config/indicators.yaml', 'utf8');
const schemeText = readFileSync('data/config/scheme-2024.yaml', 'utf8');

function problemsOf(fn: () => unknown): string[] {
	try {
		fn();
	} catch (e) {
		if (e instanceof ConfigError) return e.problems;
		throw e;
	}
	throw new Error('expected a ConfigError');
}

describe('default configuration', () => {
	it('loads the shipped catalog and 2024 scheme', () => {
		const config = loadConfig({ text: indicatorsText, source: 'i' }, [
			{ text: schemeText, source: 's' }
		]);
		expect(config.catalog.measures.map((m) => m.id)).toContain('births_unreported_found');
		expect(config.catalog.indicators).toHaveLength(15);
		expect(config.schemes.get(2024)?.tiers.map((t) => t.name)).toEqual([
			'优质服务先进',
			'一类先进',
			'重点整改'
		]);
	});

	it('maps Chinese headers written with full-width brackets and units to measure ids', () => {
		const lookup = headerLookup(parseCatalog(indicatorsText));
		expect(lookup.get(normalizeHeader('出生人数（男）'))).toBe('births_male');
		expect(lookup.get(normalizeHeader(' 社会抚养费实征（元） '))).toBe('fee_collected');
		expect(lookup.get(normalizeHeader('Births_Total'))).toBe('births_total');
		expect(lookup.get(normalizeHeader('单位代码'))).toBe('code');
	});
});

describe('the 2024 scheme', () => {
	it('prorates the task indicator only and cards the lowest 31 villages for two months', () => {
		const scheme = parseScheme(schemeText, parseCatalog(indicatorsText));
		const prorated = Object.entries(scheme.indicators).filter(
			([, s]) => s.rule === 'linear' && s.prorate
		);
		expect(prorated.map(([id]) => id)).toEqual(['prepreg_check_completion']);
		expect(scheme.villages).toEqual({ yellow_lowest: 31, rectification_months: 2 });
	});
});

describe('schemeFor', () => {
	it("takes the year's own scheme, else the latest earlier one, else the earliest", () => {
		const s2024 = schemeText;
		const s2026 = schemeText
			.replace('year: 2024', 'year: 2026')
			.replace('[2024H1, 2024]', '[2026H1, 2026]');
		const config = loadConfig({ text: indicatorsText, source: 'i' }, [
			{ text: s2024, source: 'a' },
			{ text: s2026, source: 'b' }
		]);
		expect([2022, 2024, 2025, 2026, 2030].map((y) => schemeFor(config, y)?.year)).toEqual([
			2024, 2024, 2024, 2026, 2026
		]);
	});
});

describe('catalog validation names the key', () => {
	const cases: [string, (t: string) => string, string][] = [
		['unknown top-level key', (t) => t + '\nextra: 1\n', '(root)'],
		[
			'bad measure kind',
			(t) => t.replace('{ id: pop_total, kind: stock', '{ id: pop_total, kind: level'),
			'measures[0].kind'
		],
		[
			'check referring to an unknown measure',
			(t) => t.replace('total: births_total, name: { zh: 男', 'total: births_all, name: { zh: 男'),
			'checks[0].total'
		],
		[
			'stock summed over months',
			(t) => t.replace('numerator: { sum: [births_total] }', 'numerator: { sum: [pop_total] }'),
			'indicators[0].formula.numerator.sum[0]'
		],
		[
			'difference of an unknown indicator',
			(t) => t.replace('minuend: birth_rate', 'minuend: birth_rat'),
			'indicators[2].formula.minuend'
		],
		[
			'measure named like a reserved column',
			(t) => t.replace('{ id: deaths,', '{ id: value,'),
			'measures[11].id'
		],
		[
			'alias claimed by two columns',
			(t) => t.replace('aliases: [死亡人数,', 'aliases: [出生人数, 死亡人数,'),
			'measures[11].aliases'
		]
	];
	it.each(cases)('%s', (_name, mutate, key) => {
		const problems = problemsOf(() => parseCatalog(mutate(indicatorsText)));
		expect(
			problems.some((p) => p.includes(key)),
			problems.join('\n')
		).toBe(true);
	});

	it('reports YAML syntax errors', () => {
		expect(problemsOf(() => parseCatalog('a: [1,'))[0]).toMatch(/YAML syntax/);
	});
});

describe('scheme validation names the key', () => {
	const catalog = parseCatalog(indicatorsText);
	const cases: [string, (t: string) => string, string][] = [
		[
			'weights not adding to 100',
			(t) => t.replace('{ weight: 20, rule: linear', '{ weight: 25, rule: linear'),
			'weights add up to 105'
		],
		[
			'indicator not in catalog',
			(t) => t.replace('checkup_rate:  ', 'checkups_rate:'),
			'indicators.checkups_rate'
		],
		[
			'floor above target',
			(t) => t.replace('floor: 70, target: 90', 'floor: 95, target: 90'),
			'indicators.policy_compliance_rate.floor'
		],
		['period outside the year', (t) => t.replace('[2024H1, 2024]', '[2023H1, 2024]'), 'periods[0]'],
		[
			'unknown tier in a card rule',
			(t) => t.replace('tier: 重点整改 }', 'tier: 重点 }'),
			'cards.black[0].tier'
		],
		[
			'unknown incident type',
			(t) => t.replace('虚假征费, 干部', '虚假收费, 干部'),
			'cards.red[1].types[2]'
		],
		['bad tier ranks', (t) => t.replace('"last 3"', '"bottom 3"'), 'tiers[2].ranks'],
		[
			'unknown scoring rule',
			(t) => t.replace('rule: band', 'rule: bands'),
			'indicators.sex_ratio_at_birth.rule'
		],
		[
			'prorate on a rule that has no target to scale',
			(t) => t.replace('falloff: 10 }', 'falloff: 10, prorate: true }'),
			'indicators.sex_ratio_at_birth'
		],
		[
			'villages block with neither count nor share',
			(t) => t.replace('  yellow_lowest: 31\n', ''),
			'villages.yellow_lowest'
		],
		[
			'villages block with both count and share',
			(t) =>
				t.replace('  yellow_lowest: 31\n', '  yellow_lowest: 31\n  yellow_lowest_share: 0.1\n'),
			'villages.yellow_lowest'
		],
		[
			'villages share out of range',
			(t) => t.replace('  yellow_lowest: 31\n', '  yellow_lowest_share: 1.5\n'),
			'villages.yellow_lowest_share'
		],
		[
			'rectification window of no months',
			(t) => t.replace('rectification_months: 2', 'rectification_months: 0'),
			'villages.rectification_months'
		]
	];
	it.each(cases)('%s', (_name, mutate, key) => {
		const problems = problemsOf(() => parseScheme(mutate(schemeText), catalog));
		expect(
			problems.some((p) => p.includes(key)),
			problems.join('\n')
		).toBe(true);
	});
});

describe('a scheme file names its year', () => {
	const catalog = parseCatalog(indicatorsText);
	it('refuses scheme-2025.yaml whose content says year: 2024', () => {
		const problems = problemsOf(() =>
			parseScheme(schemeText, catalog, 'input/config/scheme-2025.yaml')
		);
		expect(problems.join('\n')).toContain('named for 2025');
	});
	it('accepts the file named for its year, and any name without a year', () => {
		expect(parseScheme(schemeText, catalog, 'config/scheme-2024.yaml').year).toBe(2024);
		expect(parseScheme(schemeText, catalog, 'scheme.yaml').year).toBe(2024);
	});
});
