import { z } from './zod';
import type { Catalog } from './catalog-schema';
import { ConfigError, parseConfig } from './validate';
import { parsePeriod } from '../periods';
import { bulletinSchema, templateProblems } from './bulletin-templates';

const scoring = z.discriminatedUnion('rule', [
	z.strictObject({
		rule: z.literal('linear'),
		weight: z.number().positive(),
		floor: z.number(),
		target: z.number(),
		key: z.boolean().default(false),
		// A task indicator (year-to-date completion of an annual task): at a check before year end
		// the floor and target are scaled by elapsed months / 12 (时间过半、任务过半).
		prorate: z.boolean().default(false)
	}),
	z.strictObject({
		rule: z.literal('linear_lower'),
		weight: z.number().positive(),
		target: z.number(),
		ceiling: z.number(),
		key: z.boolean().default(false)
	}),
	z.strictObject({
		rule: z.literal('band'),
		weight: z.number().positive(),
		low: z.number(),
		high: z.number(),
		falloff: z.number().positive(),
		key: z.boolean().default(false)
	}),
	z.strictObject({
		rule: z.literal('zero'),
		weight: z.number().positive(),
		key: z.boolean().default(false)
	})
]);

const cardCondition = z.discriminatedUnion('when', [
	z.strictObject({
		when: z.literal('count_at_least'),
		indicator: z.string(),
		value: z.number().int().min(1)
	}),
	z.strictObject({ when: z.literal('incident'), types: z.array(z.string()).min(1) }),
	z.strictObject({ when: z.literal('last_place_years'), years: z.number().int().min(2) }),
	z.strictObject({ when: z.literal('tier'), tier: z.string() }),
	z.strictObject({ when: z.literal('key_in_arrears'), at_least: z.number().int().min(1) }),
	z.strictObject({ when: z.literal('card_not_lifted'), card: z.enum(['yellow', 'black', 'red']) })
]);

/** 后进村 [003, 004]: the lowest villages of a county are carded yellow and get a window to rectify. */
const villages = z.strictObject({
	yellow_lowest: z.number().int().min(1).optional(),
	yellow_lowest_share: z.number().gt(0).lt(1).optional(),
	rectification_months: z.number().int().min(1).max(12)
});

const tierRanks = z.string().regex(/^(\d+-\d+|last \d+)$/, 'ranks are written "1-10" or "last 3"');

export const schemeSchema = z.strictObject({
	year: z.number().int().min(2000).max(2100),
	name: z.string().min(1),
	name_en: z.string().min(1),
	periods: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
	indicators: z.record(z.string(), scoring),
	tiers: z
		.array(
			z.strictObject({ name: z.string().min(1), name_en: z.string().min(1), ranks: tierRanks })
		)
		.min(1),
	arrears_below_share: z.number().gt(0).lt(1),
	cards: z.strictObject({
		red: z.array(cardCondition).default([]),
		black: z.array(cardCondition).default([]),
		yellow: z.array(cardCondition).default([])
	}),
	lift: z.literal('first_clear_period'),
	villages: villages.optional(),
	consequences: z
		.array(
			z.strictObject({
				tier: z.string().optional(),
				card: z.enum(['yellow', 'black', 'red']).optional(),
				zh: z.string(),
				en: z.string()
			})
		)
		.default([]),
	/** The 通报's sentences (bulletin-templates.ts); a set built before they existed has none. */
	bulletin: bulletinSchema.optional()
});

export type Scheme = z.infer<typeof schemeSchema>;
export type Scoring = Scheme['indicators'][string];
export type CardCondition = Scheme['cards']['red'][number];

/** Parses scheme-YYYY.yaml and checks it against the indicator catalog. */
export function parseScheme(text: string, catalog: Catalog, source = 'scheme.yaml'): Scheme {
	const scheme = parseConfig(text, schemeSchema, source);
	const problems: string[] = [];
	const indicatorIds = new Set(catalog.indicators.map((i) => i.id));
	const weights = Object.values(scheme.indicators).reduce((s, x) => s + x.weight, 0);
	if (Math.abs(weights - 100) > 1e-9)
		problems.push(`indicators: weights add up to ${weights}, not 100`);
	for (const [id, s] of Object.entries(scheme.indicators)) {
		if (!indicatorIds.has(id)) problems.push(`indicators.${id}: not in the indicator catalog`);
		if (s.rule === 'linear' && s.floor >= s.target)
			problems.push(`indicators.${id}.floor: must be below target (${s.target})`);
		if (s.rule === 'linear_lower' && s.ceiling <= s.target)
			problems.push(`indicators.${id}.ceiling: must be above target (${s.target})`);
		if (s.rule === 'band' && s.low >= s.high)
			problems.push(`indicators.${id}.low: must be below high (${s.high})`);
	}
	// scheme-2025.yaml saying `year: 2024` would silently replace the 2024 scheme
	const named = source.match(/scheme-(\d{4})\.ya?ml$/);
	if (named && Number(named[1]) !== scheme.year)
		problems.push(`year: ${scheme.year}, but the file is named for ${named[1]} (${source})`);
	scheme.periods.forEach((p, i) => {
		const parsed = parsePeriod(p);
		if (!parsed)
			problems.push(
				`periods[${i}]: "${p}" is not a period (2024, 2024H1, 2024Q2, 2024-05, 2024-05YTD)`
			);
		else if (parsed.year !== scheme.year)
			problems.push(`periods[${i}]: "${p}" is not in the scheme year ${scheme.year}`);
	});
	const tierNames = new Set(scheme.tiers.map((t) => t.name));
	const incidentTypes = new Set(catalog.incident_types.map((t) => t.id));
	for (const card of ['red', 'black', 'yellow'] as const)
		scheme.cards[card].forEach((c, i) => {
			const at = `cards.${card}[${i}]`;
			if (c.when === 'count_at_least' && !indicatorIds.has(c.indicator))
				problems.push(`${at}.indicator: "${c.indicator}" is not in the indicator catalog`);
			if (c.when === 'tier' && !tierNames.has(c.tier))
				problems.push(`${at}.tier: "${c.tier}" is not one of the tiers`);
			if (c.when === 'incident')
				c.types.forEach((t, j) => {
					if (!incidentTypes.has(t))
						problems.push(`${at}.types[${j}]: unknown incident type "${t}"`);
				});
		});
	const v = scheme.villages;
	if (v && (v.yellow_lowest === undefined) === (v.yellow_lowest_share === undefined))
		problems.push('villages.yellow_lowest: give either yellow_lowest or yellow_lowest_share');
	scheme.consequences.forEach((c, i) => {
		if (c.tier && !tierNames.has(c.tier))
			problems.push(`consequences[${i}].tier: "${c.tier}" is not one of the tiers`);
	});
	if (scheme.bulletin) problems.push(...templateProblems(scheme.bulletin));
	if (problems.length) throw new ConfigError(source, problems);
	return scheme;
}
