import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './config-error';

export { ConfigError } from './config-error';

export function keyPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
		''
	);
}

/** Parses YAML text and validates it, turning every schema issue into "key.path: message". */
export function parseConfig<T extends z.ZodType>(
	text: string,
	schema: T,
	source: string
): z.infer<T> {
	let raw: unknown;
	try {
		raw = parseYaml(text);
	} catch (e) {
		throw new ConfigError(source, [`YAML syntax: ${(e as Error).message.split('\n')[0]}`]);
	}
	const result = schema.safeParse(raw);
	if (!result.success) {
		throw new ConfigError(
			source,
			result.error.issues.map((i) => `${keyPath(i.path) || '(root)'}: ${i.message}`)
		);
	}
	return result.data;
}
