import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'tests/output');

function run(args: string[], env: NodeJS.ProcessEnv = process.env): void {
	const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
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
 * The tiny county's inputs with units.csv rewritten by `units` and more files added, built into
 * tests/output/<name>-extracts.
 */
function tinyVariant(
	name: string,
	units: (csv: string) => string,
	files: Record<string, string> = {}
): string {
	const raw = join(OUTPUT, `${name}-raw`);
	const out = join(OUTPUT, `${name}-extracts`);
	rmSync(raw, { recursive: true, force: true });
	cpSync(join(ROOT, 'tests/fixtures/tiny/input'), raw, { recursive: true });
	writeFileSync(join(raw, 'units.csv'), units(readFileSync(join(raw, 'units.csv'), 'utf8')));
	for (const [file, text] of Object.entries(files)) writeFileSync(join(raw, file), text);
	run(['bin/kaoping.js', 'build', '--input', raw, '--out', out]);
	return out;
}

/** The tiny county with unit names that are HTML and script, to prove they render as text. */
export const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">';
export const HOSTILE_COUNTY = '"><script>window.__xss=2</script>县';

export const hostileExtracts = () =>
	tinyVariant('hostile', (csv) =>
		csv
			.replace('990999,试验县,', `990999,"${HOSTILE_COUNTY.replace(/"/g, '""')}",`)
			.replace('990999001,甲镇,', `990999001,"${HOSTILE_NAME.replace(/"/g, '""')}",`)
	);

/** The tiny county with a village that moved township (一村, from 甲镇 to 乙乡 in January 2024). */
export const MOVED_VILLAGE = '990999001201';

export const movedExtracts = () =>
	tinyVariant(
		'moved',
		(csv) =>
			csv.replace(
				`${MOVED_VILLAGE},一村,village,990999001,`,
				`${MOVED_VILLAGE},一村,village,990999002,`
			),
		{ 'moves.csv': `code,month,old_parent_code\n${MOVED_VILLAGE},2024-01,990999001\n` }
	);

/** An extract set from a future version of kaoping, which this site must refuse clearly. */
export function futureExtracts(from: string): string {
	const out = join(OUTPUT, 'future-extracts');
	rmSync(out, { recursive: true, force: true });
	cpSync(from, out, { recursive: true });
	const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
	writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, schema_version: 99 }));
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

/**
 * The site as a county gets it. Vitest sets NODE_ENV=test, and a Vite build under any NODE_ENV
 * but production resolves Svelte's and SvelteKit's development code (esm-env's DEV): the browser
 * tests ran on that, slower and warning in the console, until NODE_ENV was set here.
 */
export function buildSite(): void {
	run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		...process.env,
		NODE_ENV: 'production'
	});
	const chunks = join(ROOT, 'build/_app/immutable/chunks');
	const dev = readdirSync(chunks).filter(
		(f) => f.endsWith('.js') && readFileSync(join(chunks, f), 'utf8').includes(SVELTEKIT_DEV_ONLY)
	);
	if (dev.length) throw new Error(`build/ holds SvelteKit's development code (${dev.join(', ')})`);
}

/** A console warning SvelteKit's client has only in development builds (client.js, DEV). */
const SVELTEKIT_DEV_ONLY = 'Avoid using `history.pushState(...)`';
