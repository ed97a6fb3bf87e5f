import type { FileRef, Manifest } from '../extract/schema';

/**
 * After the monthly data swap a browser must never use last month's files. manifest.json is
 * fetched with `cache: 'no-cache'` (revalidated every time: a 304 costs one round trip); every
 * other file is addressed by its content through `?v=<sha256 prefix>`, so a file replaced under
 * the same name is a new URL while an unchanged one stays cached. Nginx and IIS ignore the query
 * when they look up the static file.
 */
export const VERSION_CHARS = 16;

export const MANIFEST_FETCH: RequestInit = { cache: 'no-cache' };

export function withVersion(url: string, sha256: string | undefined): string {
	if (!sha256) return url;
	const hash = url.indexOf('#');
	const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
	const sep = base.includes('?') ? '&' : '?';
	return `${base}${sep}v=${encodeURIComponent(sha256.slice(0, VERSION_CHARS))}${fragment}`;
}

/** The manifest's entry for `file` (an extract, a configuration file, the precomputed results or
 * the village index; village files have content-hashed names and need no version). */
export function fileRef(manifest: Manifest, file: string): FileRef | undefined {
	return [
		...manifest.extracts,
		manifest.villages,
		manifest.config.indicators,
		...manifest.config.schemes,
		manifest.config.compiled,
		...(manifest.precomputed ? [manifest.precomputed] : []),
		...(manifest.precomputed_more ? [manifest.precomputed_more] : [])
	].find((r) => r.file === file);
}
