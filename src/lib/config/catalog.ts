import { catalogSchema, type Catalog, type Term } from './catalog-schema';
import { ConfigError, parseConfig } from './validate';

export * from './catalog-schema';
// re-exported for the CLI; the site imports them from catalog-lookup (no zod in its bundle)
export { expandMeasure, indicatorById } from './catalog-lookup';

/**
 * Header normalisation: county spreadsheets write the same column as 出生人数（男）, 出生人数(男),
 * "出生人数 男" or with a trailing unit such as (元); all must match one alias.
 */
export function normalizeHeader(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\s\u3000]+/g, '')
		.replace(/\((元|万元|人|例|对|个|件|户)\)$/u, '')
		.replace(/[()[\]【】<>《》:]/g, '')
		.toLowerCase();
}

/** Parses and cross-checks indicators.yaml; throws ConfigError naming each bad key. */
export function parseCatalog(text: string, source = 'indicators.yaml'): Catalog {
	const catalog = parseConfig(text, catalogSchema, source);
	const problems = crossCheck(catalog);
	if (problems.length) throw new ConfigError(source, problems);
	return catalog;
}

/**
 * Column names the extracts and the query builders use for their own purposes; a measure named
 * like one of them would be silently shadowed in SQL.
 */
export const RESERVED_COLUMN_NAMES = [
	'code',
	'period',
	'submitted_on',
	'township_code',
	'm',
	'year',
	'months',
	'period_key',
	'period_from',
	'period_to',
	'last_month',
	'in_period',
	'in_ytd',
	'scan_from',
	'ytd_from',
	'indicator',
	'numerator',
	'denominator',
	'value',
	'annualised'
];

function crossCheck(c: Catalog): string[] {
	const problems: string[] = [];
	const reserved = new Set(RESERVED_COLUMN_NAMES);
	for (const [list, key] of [
		[c.measures, 'measures'],
		[c.derived, 'derived'],
		[c.system_measures, 'system_measures']
	] as const)
		list.forEach((m, i) => {
			if (reserved.has(m.id))
				problems.push(`${key}[${i}].id: "${m.id}" is reserved for the extracts' own columns`);
		});
	const columnIds = new Map<string, string>();
	const claim = (id: string, where: string) => {
		const prior = columnIds.get(id);
		if (prior) problems.push(`${where}.id: "${id}" is already defined at ${prior}`);
		else columnIds.set(id, where);
	};
	c.attributes.forEach((a, i) => claim(a.id, `attributes[${i}]`));
	c.measures.forEach((m, i) => claim(m.id, `measures[${i}]`));
	c.derived.forEach((d, i) => claim(d.id, `derived[${i}]`));
	c.system_measures.forEach((s, i) => claim(s.id, `system_measures[${i}]`));

	const aliasOwner = new Map<string, string>();
	const headed = [
		...c.attributes.map((a, i) => ({ ...a, where: `attributes[${i}]` })),
		...c.measures.map((m, i) => ({ ...m, where: `measures[${i}]` }))
	];
	for (const col of headed) {
		for (const alias of [col.id, col.name.zh, ...col.aliases]) {
			const key = normalizeHeader(alias);
			const owner = aliasOwner.get(key);
			if (owner && owner !== col.id)
				problems.push(`${col.where}.aliases: "${alias}" also names column ${owner}`);
			aliasOwner.set(key, col.id);
		}
	}

	const measures = new Map(c.measures.map((m) => [m.id, m]));
	const flowLike = new Set([
		...c.measures.filter((m) => m.kind === 'flow').map((m) => m.id),
		...c.derived.map((d) => d.id),
		...c.system_measures.map((s) => s.id)
	]);
	const stocks = new Set(c.measures.filter((m) => m.kind === 'stock').map((m) => m.id));
	const taskable = new Set([...measures.keys(), ...c.derived.map((d) => d.id)]);

	c.derived.forEach((d, i) =>
		d.sum.forEach((m, j) => {
			if (measures.get(m)?.kind !== 'flow')
				problems.push(`derived[${i}].sum[${j}]: "${m}" is not a flow measure`);
		})
	);
	c.checks.forEach((ch, i) => {
		const refs =
			ch.rule === 'sum_equals'
				? [...ch.parts.map((p, j) => [`parts[${j}]`, p]), ['total', ch.total]]
				: [
						['left', ch.left],
						['right', ch.right]
					];
		for (const [key, ref] of refs)
			if (!measures.has(ref)) problems.push(`checks[${i}].${key}: unknown measure "${ref}"`);
	});

	const categories = new Set(c.categories.map((k) => k.id));
	const indicatorIds = new Set<string>();
	c.indicators.forEach((ind, i) => {
		const at = `indicators[${i}]`;
		if (indicatorIds.has(ind.id)) problems.push(`${at}.id: duplicate indicator "${ind.id}"`);
		indicatorIds.add(ind.id);
		if (!categories.has(ind.category))
			problems.push(`${at}.category: unknown category "${ind.category}"`);
		if (ind.better === 'band' && !ind.band)
			problems.push(`${at}.band: required when better is band`);
		const f = ind.formula;
		if (f.kind === 'ratio') {
			problems.push(...checkTerm(f.numerator, `${at}.formula.numerator`));
			problems.push(...checkTerm(f.denominator, `${at}.formula.denominator`));
		} else if (f.kind === 'count' && !flowLike.has(f.measure)) {
			problems.push(`${at}.formula.measure: "${f.measure}" is not a flow measure`);
		}
	});
	c.indicators.forEach((ind, i) => {
		const f = ind.formula;
		if (f.kind !== 'difference') return;
		for (const key of ['minuend', 'subtrahend'] as const)
			if (!indicatorIds.has(f[key]))
				problems.push(`indicators[${i}].formula.${key}: unknown indicator "${f[key]}"`);
	});
	return problems;

	function checkTerm(t: Term, at: string): string[] {
		if ('sum' in t)
			return t.sum.flatMap((m, j) =>
				flowLike.has(m)
					? []
					: [`${at}.sum[${j}]: "${m}" is not a flow measure (stocks are never summed over months)`]
			);
		if ('end' in t)
			return stocks.has(t.end) ? [] : [`${at}.end: "${t.end}" is not a stock measure`];
		if ('mean' in t)
			return stocks.has(t.mean) ? [] : [`${at}.mean: "${t.mean}" is not a stock measure`];
		return taskable.has(t.task) ? [] : [`${at}.task: unknown measure "${t.task}"`];
	}
}

/** Maps every normalised header alias (English id, Chinese name, aliases) to its column id. */
export function headerLookup(c: Catalog): Map<string, string> {
	const lookup = new Map<string, string>();
	for (const col of [...c.attributes, ...c.measures])
		for (const alias of [col.id, col.name.zh, ...col.aliases])
			lookup.set(normalizeHeader(alias), col.id);
	return lookup;
}
