import { asset } from '$app/paths';
import type { Asset } from '$app/types';

/**
 * URL of a file of the published extract set. The set lives in data/ beside the built site and
 * is replaced each month without a rebuild, so it is not a build-time asset: the cast is on
 * purpose.
 */
export function dataUrl(path: string): string {
	return asset(`/data/${path}` as Asset);
}
