import { parseCatalog, type Catalog } from './catalog';
import { parseScheme, type Scheme } from './scheme';

export { ConfigError } from './validate';
export type { Catalog, Scheme };

export interface ConfigText {
	text: string;
	/** Where the text came from, for error messages. */
	source: string;
}

export interface Config {
	catalog: Catalog;
	/** Assessment schemes by year. */
	schemes: Map<number, Scheme>;
}

/**
 * The one place configuration is turned from text into validated objects; the CLI reads the
 * texts from disk, the site from the extract set, both pass them here.
 */
export function loadConfig(indicators: ConfigText, schemes: ConfigText[]): Config {
	const catalog = parseCatalog(indicators.text, indicators.source);
	const byYear = new Map<number, Scheme>();
	for (const s of schemes) {
		const scheme = parseScheme(s.text, catalog, s.source);
		byYear.set(scheme.year, scheme);
	}
	return { catalog, schemes: byYear };
}

/**
 * The scheme for a year: that year's own, else the latest earlier one (schemes carry over), else
 * — for years before any configured scheme — the earliest one. Views say which scheme they used.
 */
export function schemeFor(config: Config, year: number): Scheme | undefined {
	const years = [...config.schemes.keys()].sort((a, b) => a - b);
	const earlier = years.filter((y) => y <= year);
	const pick = earlier.length ? earlier[earlier.length - 1] : years[0];
	return pick === undefined ? undefined : config.schemes.get(pick);
}
