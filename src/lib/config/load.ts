import type { Config, ConfigText } from './index';
import { parseCatalog } from './catalog';
import { parseScheme, type Scheme } from './scheme';

/**
 * The one place configuration is turned from text into validated objects (YAML + zod). Only the
 * CLI runs it: `kaoping build` publishes the result as compiled JSON (compiled.ts), which the
 * site takes as is.
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
