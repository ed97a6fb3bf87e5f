import type { Config } from './index';

/**
 * The validated configuration as `kaoping build` publishes it (config-<hash>.json): the site
 * takes it as is, so a page load parses no YAML and runs no zod. Plain JSON — the schemes are a
 * list, sorted by year, rather than the Map the views use.
 */
export interface CompiledConfig {
	/** The extract set's schema version: a file from another build is refused with the set. */
	schema_version: number;
	catalog: Config['catalog'];
	schemes: Config['schemes'] extends Map<number, infer S> ? S[] : never;
}

export function compileConfig(config: Config, schemaVersion: number): CompiledConfig {
	return {
		schema_version: schemaVersion,
		catalog: config.catalog,
		schemes: [...config.schemes.entries()].sort(([a], [b]) => a - b).map(([, s]) => s)
	};
}

/**
 * The Config of a compiled file. Its integrity is the manifest's sha256 (checked before this);
 * what is checked here is only that it is a compiled configuration of this schema at all.
 */
export function configFromCompiled(json: unknown, schemaVersion: number): Config {
	const c = json as Partial<CompiledConfig> | null;
	if (!c || typeof c !== 'object' || !c.catalog || !Array.isArray(c.schemes))
		throw new Error('not a compiled configuration (catalog, schemes)');
	if (c.schema_version !== schemaVersion)
		throw new Error(
			`compiled configuration of schema ${c.schema_version}, expected ${schemaVersion}`
		);
	return { catalog: c.catalog, schemes: new Map(c.schemes.map((s) => [s.year, s])) };
}
