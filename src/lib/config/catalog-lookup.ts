import type { Catalog } from './catalog-schema';

// Lookups the query builders need in the browser, kept apart from the catalog's parser so that
// the site's bundle does not carry YAML or zod (the browser receives the compiled configuration).

export function indicatorById(c: Catalog, id: string) {
	const found = c.indicators.find((i) => i.id === id);
	if (!found) throw new Error(`unknown indicator "${id}"`);
	return found;
}

/** The raw measures a derived measure sums, or the measure itself. */
export function expandMeasure(c: Catalog, id: string): string[] {
	return c.derived.find((d) => d.id === id)?.sum ?? [id];
}
