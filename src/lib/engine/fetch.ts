/**
 * Downloads with a byte count, for progress bars on slow county networks. `total` is 0 when the
 * server compresses the response: Content-Length then counts compressed bytes while the reader
 * sees decompressed ones, so it cannot be a total.
 */
export type OnBytes = (loaded: number, total: number) => void;

async function readChunks(
	url: string,
	onBytes?: OnBytes
): Promise<{ chunks: Uint8Array<ArrayBuffer>[]; loaded: number }> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	const length = Number(res.headers.get('Content-Length') ?? 0);
	const total = res.headers.get('Content-Encoding') ? 0 : length;
	const chunks: Uint8Array<ArrayBuffer>[] = [];
	let loaded = 0;
	onBytes?.(0, total);
	if (!res.body) {
		const whole = new Uint8Array(await res.arrayBuffer());
		onBytes?.(whole.byteLength, total);
		return { chunks: [whole], loaded: whole.byteLength };
	}
	const reader = res.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		loaded += value.byteLength;
		onBytes?.(loaded, total);
	}
	return { chunks, loaded };
}

/** The whole response as one ArrayBuffer (transferable to a Worker). */
export async function fetchBuffer(url: string, onBytes?: OnBytes): Promise<ArrayBuffer> {
	const { chunks, loaded } = await readChunks(url, onBytes);
	if (chunks.length === 1 && chunks[0].byteLength === chunks[0].buffer.byteLength)
		return chunks[0].buffer;
	const out = new Uint8Array(loaded);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out.buffer;
}
