import type { Handle } from '@sveltejs/kit';
// The same import as wasm-connector.ts: Vite names the file by its content, so the server build
// and the browser's bundle agree on the name.
import { engineFiles } from '$lib/engine/engine-files';
import boot from './boot.js?raw';

/**
 * Runs once per page at prerender time. `%kp.boot%` becomes src/boot.js, whose hash the CSP in
 * svelte.config.js allows (the text must stay exactly the file's). `%kp.engine-*%` are the paths,
 * under `%sveltekit.assets%`, of the files boot.js starts the engine's worker with, so that its
 * 34 MB start downloading and compiling at navigation rather than after the app's JavaScript has
 * loaded; their names are only known here, after Vite has hashed them.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			bootFirst(
				html
					.replace('%kp.engine-script%', sitePath(engineFiles.script))
					.replace('%kp.engine-worker%', sitePath(engineFiles.worker))
					.replace('%kp.engine-wasm%', sitePath(engineFiles.wasm))
					// the script's text exactly, without the template's indentation (its hash is in the
					// CSP); a function, so that `$` in the script is never read as a replacement pattern
					.replace(/>\s*%kp\.boot%\s*</, () => `>${boot}<`)
			)
	});

/**
 * Moves the boot script up to just after the CSP <meta>, before the stylesheets: a classic script
 * waits for every stylesheet above it, which held the manifest request back ~100 ms. Right after
 * the <meta>, the CSP still covers it (and its hash still allows it).
 */
export function bootFirst(html: string): string {
	const script = html.match(/<script\s+data-assets="[^"]*"[^>]*>[\s\S]*?<\/script>/)?.[0];
	const csp = html.match(/<meta http-equiv="content-security-policy"[^>]*>/)?.[0];
	if (!script || !csp) return html;
	return html.replace(script, '').replace(csp, () => csp + script);
}

/** A built file's path from the site's root, as Vite's `?url` gives it in the server build. */
const sitePath = (url: string) => url.replace(/^(\.\/|\/)/, '');
