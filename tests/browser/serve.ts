import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES } from '../../src/cli/serve-site';

/**
 * A static file server like a county intranet's nginx: the built site with its data/ folder,
 * with the content types `kaoping bulletin` serves it with.
 */
const TYPES = CONTENT_TYPES;

export interface StaticServer {
	url: string;
	bytesSent: () => number;
	close: () => Promise<void>;
}

export function serveDir(root: string, port = 0): Promise<StaticServer> {
	const base = resolve(root);
	let sent = 0;
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const path = decodeURIComponent(url.pathname);
		let file = normalize(join(base, path));
		if (!file.startsWith(base)) return void res.writeHead(403).end();
		// as nginx and python's http.server do: a directory without its slash is redirected, a
		// directory is its index.html, and nothing else is guessed (no .html fallback)
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/'))
				return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
			file = join(file, 'index.html');
		}
		if (!existsSync(file)) return void res.writeHead(404).end('not found');
		const size = statSync(file).size;
		sent += size;
		res.writeHead(200, {
			'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
			'Content-Length': size,
			'Cache-Control': 'no-store'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((ok) =>
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const p = typeof address === 'object' && address ? address.port : port;
			ok({
				url: `http://127.0.0.1:${p}`,
				bytesSent: () => sent,
				close: () => new Promise<void>((done) => server.close(() => done()))
			});
		})
	);
}
