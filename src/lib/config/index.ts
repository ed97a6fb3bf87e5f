import type { Catalog } from './catalog-schema';
import type { Scheme } from './scheme';

// Nothing here may import the parsers (catalog.ts, scheme.ts, validate.ts, load.ts): the site
// imports this module, and its bundle must not carry YAML or zod. The CLI parses with load.ts.
export { ConfigError } from './config-error';
export { compileConfig, configFromCompiled, type CompiledConfig } from './compiled';
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
 * The scheme for a year: that year's own, else the latest earlier one (schemes carry over), else
 * — for years before any configured scheme — the earliest one. Views say which scheme they used.
 */
export function schemeFor(config: Config, year: number): Scheme | undefined {
	const years = [...config.schemes.keys()].sort((a, b) => a - b);
	const earlier = years.filter((y) => y <= year);
	const pick = earlier.length ? earlier[earlier.length - 1] : years[0];
	return pick === undefined ? undefined : config.schemes.get(pick);
}
