import { asset } from '$app/paths';
import type { Asset } from '$app/types';
import type { Manifest } from '../extract/schema';
import { fileRef, MANIFEST_FETCH, withVersion } from './cache-bust';

/**
 * URL of a file of the published extract set. The set lives in data/ beside the built site and
 * is replaced each month without a rebuild, so it is not a build-time asset: the cast is on
 * purpose. With a manifest, the URL carries the file's content version (cache-bust.ts).
 */
export function dataUrl(path: string, manifest?: Manifest): string {
	const url = asset(`/data/${path}` as Asset);
	return manifest ? withVersion(url, fileRef(manifest, path)?.sha256) : url;
}

/** manifest.json, revalidated with the server on every load: it says which files are current. */
export function fetchManifest(fetchImpl: typeof fetch = fetch): Promise<Response> {
	return fetchImpl(dataUrl('manifest.json'), MANIFEST_FETCH);
}
