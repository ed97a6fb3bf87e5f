import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileConfig, configFromCompiled } from './compiled';
import { loadConfig } from './load';

const config = () =>
	loadConfig({ text: readFileSync('data/config/indicators.yaml', 'utf8'), source: 'i' }, [
		{ text: readFileSync('data/config/scheme-2024.yaml', 'utf8'), source: 's' }
	]);

describe('compiled configuration (what the site loads instead of YAML)', () => {
	it('survives JSON: the compiled file read back equals loadConfig of the YAML', () => {
		const json = JSON.stringify(compileConfig(config(), 7));
		const back = configFromCompiled(JSON.parse(json), 7);
		expect(back).toEqual(config());
		expect([...back.schemes.keys()]).toEqual([2024]);
	});

	it('lists schemes by year, whatever order they were read in', () => {
		const c = config();
		const s2024 = c.schemes.get(2024)!;
		const two = {
			...c,
			schemes: new Map([
				[2025, { ...s2024, year: 2025 }],
				[2024, s2024]
			])
		};
		expect(compileConfig(two, 1).schemes.map((s) => s.year)).toEqual([2024, 2025]);
	});

	it('refuses a file of another schema version or that is not a compiled configuration', () => {
		const compiled = compileConfig(config(), 3);
		expect(() => configFromCompiled(compiled, 4)).toThrow(/schema 3, expected 4/);
		expect(() => configFromCompiled({ catalog: null, schemes: [] }, 3)).toThrow(/not a compiled/);
		expect(() => configFromCompiled(null, 3)).toThrow(/not a compiled/);
	});
});
