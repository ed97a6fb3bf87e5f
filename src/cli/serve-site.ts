import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Content types of the built site's files, also used by the browser tests' server. .wasm must be
 * application/wasm or DuckDB-WASM falls back to a slower start.
 */
export const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.parquet': 'application/octet-stream',
	'.yaml': 'text/yaml; charset=utf-8',
	'.woff2': 'font/woff2'
};

export interface LocalSite {
	url: string;
	close(): Promise<void>;
}

/** The file under root that a URL path names, or null when it would leave root. */
function inside(root: string, path: string): string | null {
	const file = normalize(join(root, path));
	return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * The built site on a loopback port, as a county's web server serves it, with `data/` taken from
 * another folder (a published extract set) so the site need not be rebuilt or copied for it.
 * Only 127.0.0.1 listens: nothing on the network can reach it.
 */
export function serveSite(siteDir: string, dataDir: string): Promise<LocalSite> {
	const site = resolve(siteDir);
	const data = resolve(dataDir);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let path: string;
		try {
			path = decodeURIComponent(url.pathname);
		} catch {
			return void res.writeHead(400).end();
		}
		let file =
			path === '/data' || path.startsWith('/data/')
				? inside(data, path.slice('/data'.length))
				: inside(site, path);
		if (!file) return void res.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/'))
				return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
			file = join(file, 'index.html');
		}
		if (!existsSync(file)) return void res.writeHead(404).end('not found');
		res.writeHead(200, {
			'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
			'Content-Length': statSync(file).size,
			'Cache-Control': 'no-store'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			ok({
				url: `http://127.0.0.1:${port}`,
				close: () =>
					new Promise<void>((done) => {
						server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}
