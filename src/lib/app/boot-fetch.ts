/**
 * static/boot.js starts the manifest, the compiled configuration and the precomputed results at
 * the first byte of the page, long before this code has loaded. This fetch hands each of those
 * responses over once, to the request the app makes for the same URL, and asks the network for
 * everything else; without boot.js (or an old one cached) it is plain fetch.
 */
interface Boot {
	version: 1;
	responses: Map<string, Promise<Response>>;
}

export function bootFetch(): typeof fetch {
	const boot = (globalThis as { __kpBoot?: Boot }).__kpBoot;
	if (boot?.version !== 1 || typeof document === 'undefined') return fetch;
	return (input, init) => {
		const url = new URL(String(input), document.baseURI).href;
		const early = boot.responses.get(url);
		if (!early) return fetch(input, init);
		boot.responses.delete(url);
		return early;
	};
}
