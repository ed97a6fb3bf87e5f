import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'tests/output');

function run(args: string[]): void {
	const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The demo county's extract set, built once per run of the browser tests. */
export function demoExtracts(): string {
	const raw = join(OUTPUT, 'demo-raw');
	const out = join(OUTPUT, 'demo-extracts');
	if (!existsSync(join(raw, 'units.csv'))) run(['bin/kaoping.js', 'demo', '--out', raw]);
	run(['bin/kaoping.js', 'build', '--input', raw, '--out', out]);
	return out;
}

/**
 * The built site with an extract set dropped into its data/ folder, as a county deploys it:
 * the same build serves any set without a rebuild.
 */
export function deploySite(name: string, extracts: string | null): string {
	const site = join(OUTPUT, 'sites', name);
	rmSync(site, { recursive: true, force: true });
	mkdirSync(site, { recursive: true });
	cpSync(join(ROOT, 'build'), site, {
		recursive: true,
		filter: (src) => !src.startsWith(join(ROOT, 'build', 'data'))
	});
	rmSync(join(site, 'data'), { recursive: true, force: true });
	if (extracts) cpSync(extracts, join(site, 'data'), { recursive: true });
	return site;
}

export function buildSite(): void {
	run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}
