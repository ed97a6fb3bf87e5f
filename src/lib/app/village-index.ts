import type { FileRef, VillageIndex } from '../extract/schema';
import { sha256Hex } from './sha256';

/**
 * The village index from its downloaded bytes, refused unless they are the ones manifest.json
 * lists (manifest.villages): a wrong index would point at the wrong township's villages.
 */
export async function verifiedVillageIndex(
	ref: FileRef,
	bytes: ArrayBuffer
): Promise<VillageIndex> {
	const found = await sha256Hex(bytes);
	if (found !== ref.sha256)
		throw new Error(`${ref.file}: sha256 ${found} differs from manifest.json (${ref.sha256})`);
	return JSON.parse(new TextDecoder().decode(bytes)) as VillageIndex;
}
