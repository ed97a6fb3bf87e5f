// One chunk for what the first page a reader opens needs: the root layout, the overview page and
// SvelteKit's client, with everything they import statically. Rolldown's automatic splitting
// gave the overview ~25 small chunks; a county's plain nginx speaks HTTP/1.1, six connections at
// a time, so they arrived in waves and the first number waited for the last wave. Modules only
// other pages (or dynamic imports: the engine, ECharts) need keep their own chunks.
import { resolve } from 'node:path';
import type { CodeSplittingGroup } from 'rolldown';

type ModuleInfo = { importedIds: readonly string[] } | null;

const ROOT = resolve(import.meta.dirname, '..');

/** Where the first paint starts: SvelteKit's client entries and the root layout and page. */
const ROOTS = [
	'src/routes/+layout.svelte',
	'src/routes/+layout.ts',
	'src/routes/+page.svelte',
	'.svelte-kit/generated/client-optimized/app.js',
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js'
].map((path) => resolve(ROOT, path));

export function firstPaintChunk(): CodeSplittingGroup {
	let reachable: Set<string> | null = null;
	return {
		name(id, ctx) {
			reachable ??= closure((m) => ctx.getModuleInfo(m) as ModuleInfo);
			return reachable.has(id) ? 'first-paint' : null;
		}
	};
}

/** Every module the roots import statically, directly or not. */
function closure(info: (id: string) => ModuleInfo): Set<string> {
	const out = new Set<string>();
	const stack = ROOTS.filter((id) => info(id));
	if (stack.length < 3) throw new Error(`first-paint chunk: roots not found (${stack.join(', ')})`);
	while (stack.length) {
		const id = stack.pop()!;
		if (out.has(id)) continue;
		out.add(id);
		stack.push(...(info(id)?.importedIds ?? []));
	}
	return out;
}
