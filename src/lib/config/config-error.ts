// Apart from the parser (validate.ts) so that importing the error class does not load YAML.

/** A configuration file that failed validation; every problem names its key path. */
export class ConfigError extends Error {
	constructor(
		readonly source: string,
		readonly problems: string[]
	) {
		super(`${source}: ${problems.length} problem(s) in configuration\n  ${problems.join('\n  ')}`);
		this.name = 'ConfigError';
	}
}
