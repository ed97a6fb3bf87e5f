import { z } from './zod';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');
const names = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const measureUnits = ['person', 'case', 'couple', 'item', 'yuan'] as const;
export const indicatorUnits = ['permille', 'percent', 'ratio', 'count'] as const;

const attribute = z.strictObject({
	id,
	name: names,
	aliases: z.array(z.string().min(1)),
	required: z.boolean().default(false)
});

const measure = z.strictObject({
	id,
	kind: z.enum(['stock', 'flow']),
	type: z.enum(['count', 'money']),
	unit: z.enum(measureUnits),
	name: names,
	aliases: z.array(z.string().min(1))
});

const derived = z.strictObject({
	id,
	name: names,
	unit: z.enum(measureUnits),
	sum: z.array(id).min(1)
});

const systemMeasure = z.strictObject({ id, name: names, unit: z.enum(measureUnits) });

const check = z.discriminatedUnion('rule', [
	z.strictObject({
		id,
		rule: z.literal('sum_equals'),
		parts: z.array(id).min(2),
		total: id,
		name: names
	}),
	z.strictObject({ id, rule: z.literal('le'), left: id, right: id, name: names })
]);

const term = z.union([
	z.strictObject({ sum: z.array(id).min(1) }),
	z.strictObject({ end: id }),
	z.strictObject({ mean: id }),
	z.strictObject({ task: id })
]);

const formula = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('ratio'),
		numerator: term,
		denominator: term,
		scale: z.number().positive(),
		annualisable: z.boolean().default(false),
		year_to_date: z.boolean().default(false)
	}),
	z.strictObject({ kind: z.literal('difference'), minuend: id, subtrahend: id }),
	z.strictObject({ kind: z.literal('count'), measure: id })
]);

const indicator = z.strictObject({
	id,
	category: id,
	name: names,
	aliases: z.array(z.string()).default([]),
	unit: z.enum(indicatorUnits),
	decimals: z.number().int().min(0).max(4),
	better: z.enum(['higher', 'lower', 'band', 'zero', 'none']),
	band: z.tuple([z.number(), z.number()]).optional(),
	formula
});

export const catalogSchema = z.strictObject({
	version: z.literal(1),
	attributes: z.array(attribute).min(1),
	measures: z.array(measure).min(1),
	derived: z.array(derived).default([]),
	system_measures: z.array(systemMeasure).default([]),
	checks: z.array(check).default([]),
	report_due_day: z.number().int().min(1).max(28),
	/** How long a month-end stock is carried past a village's last report before the village
	 * counts as not reporting (long enough for one missed report, not for a village that stopped). */
	stock_carry_months: z.number().int().min(0).max(12).default(2),
	/** A rate whose used unit-months fall below this share of those due is marked incomplete. */
	coverage_threshold: z.number().gt(0).max(1).default(0.9),
	/** The latest month of a data set is the last month at least this share of villages reported. */
	latest_month_share: z.number().gt(0).max(1).default(0.8),
	incident_types: z.array(z.strictObject({ id: z.string().min(1), en: z.string().min(1) })),
	categories: z.array(z.strictObject({ id, name: names })).min(1),
	indicators: z.array(indicator).min(1)
});

export type Catalog = z.infer<typeof catalogSchema>;
export type Measure = Catalog['measures'][number];
export type Indicator = Catalog['indicators'][number];
export type Formula = Indicator['formula'];
export type RatioFormula = Extract<Formula, { kind: 'ratio' }>;
export type Term = RatioFormula['numerator'];
export type Check = Catalog['checks'][number];
export type Names = z.infer<typeof names>;
