/** A command-line usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

export interface OptionSpec {
	/** Takes a value (`--out DIR`) rather than being a flag (`--allow-rejects`). */
	value: boolean;
	required?: boolean;
}

export type ParsedArgs = Record<string, string | boolean | undefined>;

/** Parses `--name value`, `--name=value` and `--flag`; unknown or missing options are errors. */
export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
	const out: ParsedArgs = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const m = arg.match(/^--([a-z][a-z-]*)(?:=(.*))?$/);
		if (!m) throw new UsageError(`unexpected argument "${arg}"`);
		const [, name, inline] = m;
		const opt = spec[name];
		if (!opt) throw new UsageError(`unknown option --${name}`);
		if (!opt.value) {
			if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
			out[name] = true;
			continue;
		}
		const value = inline ?? argv[++i];
		if (value === undefined || (inline === undefined && value.startsWith('--')))
			throw new UsageError(`--${name} needs a value`);
		out[name] = value;
	}
	for (const [name, opt] of Object.entries(spec))
		if (opt.required && out[name] === undefined) throw new UsageError(`--${name} is required`);
	return out;
}

export function intOption(args: ParsedArgs, name: string, fallback: number, min = 0): number {
	const v = args[name];
	if (v === undefined) return fallback;
	if (typeof v !== 'string' || !/^\d+$/.test(v) || +v < min)
		throw new UsageError(`--${name} must be a whole number ≥ ${min}, not "${String(v)}"`);
	return +v;
}
