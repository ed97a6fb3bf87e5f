import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config, ConfigText } from '../lib/config';
import { loadConfig } from '../lib/config/load';
import { readConfigText } from './config-text';

export const DEFAULT_CONFIG_DIR = fileURLToPath(new URL('../../data/config/', import.meta.url));

export interface ConfigFiles {
	indicators: ConfigText;
	schemes: ConfigText[];
}

/**
 * The effective configuration texts: data/config/ defaults, each replaced by a file of the same
 * name in `overrideDir` (a county's raw input config/) when there is one.
 */
export function readConfigFiles(overrideDir?: string): ConfigFiles {
	const pick = (name: string): ConfigText => {
		const own = overrideDir ? join(overrideDir, name) : undefined;
		const path = own && existsSync(own) ? own : join(DEFAULT_CONFIG_DIR, name);
		return { text: readConfigText(path), source: path };
	};
	const schemeNames = new Set<string>();
	for (const dir of [DEFAULT_CONFIG_DIR, overrideDir])
		if (dir && existsSync(dir))
			for (const f of readdirSync(dir)) if (/^scheme-\d{4}\.yaml$/.test(f)) schemeNames.add(f);
	return { indicators: pick('indicators.yaml'), schemes: [...schemeNames].sort().map(pick) };
}

export function loadConfigFiles(files: ConfigFiles): Config {
	return loadConfig(files.indicators, files.schemes);
}

/** The default configuration shipped in data/config/. */
export function defaultConfig(): Config {
	return loadConfigFiles(readConfigFiles());
}
