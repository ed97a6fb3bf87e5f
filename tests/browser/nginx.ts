import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { OUTPUT } from './site';

/**
 * Debian's nginx with its default server block (root, index, `try_files $uri $uri/ =404`, the
 * stock mime.types) on a free loopback port: where a county actually puts the site. No rewrite
 * rule is added — a URL works because the file is there, or it does not.
 */
export interface Nginx {
	url: string;
	stop: () => Promise<void>;
}

/** One response as nginx logged it once sent: what went over the wire, from the page or its workers. */
export interface Served {
	path: string;
	/** Bytes on the wire, headers included. */
	bytes: number;
	/** Content-Encoding and Content-Length as sent ('' when there were none). */
	encoding: string;
	length: string;
}

export interface LoggingNginx extends Nginx {
	/** Every response sent so far, in the order they finished. */
	served(): Served[];
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

export interface NginxOptions {
	/**
	 * The lines the README's deployment section gives: send `x.gz` for `x` when the browser
	 * accepts gzip (`gzip_static on;`, built into Debian's nginx) and compress the rest on the fly.
	 */
	compress?: boolean;
}

/** The README's deployment lines, for a `compress` server. */
export const COMPRESS_LINES = `gzip on;
		gzip_static on;
		gzip_types text/css application/javascript text/javascript application/json application/wasm image/svg+xml;`;

export async function startNginx(
	root: string,
	name: string,
	options: NginxOptions = {}
): Promise<LoggingNginx> {
	const prefix = join(OUTPUT, 'nginx', name);
	// counted by nginx, not by the browser: DevTools' network events on the page miss what the
	// page's workers fetch (the engine's wasm, from DuckDB's worker)
	const log = join(prefix, 'logs/access.log');
	rmSync(log, { force: true });
	mkdirSync(join(prefix, 'logs'), { recursive: true });
	const port = await freePort();
	const conf = join(prefix, 'nginx.conf');
	writeFileSync(
		conf,
		`daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs/error.log')};
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	sendfile on;
	log_format wire '$uri\t$bytes_sent\t$sent_http_content_encoding\t$sent_http_content_length';
	access_log ${log} wire;
	client_body_temp_path ${prefix}/body;
	proxy_temp_path ${prefix}/proxy;
	fastcgi_temp_path ${prefix}/fastcgi;
	uwsgi_temp_path ${prefix}/uwsgi;
	scgi_temp_path ${prefix}/scgi;
	# Debian's sites-available/default, on a test port
	server {
		listen 127.0.0.1:${port} default_server;
		root ${root};
		index index.html index.htm index.nginx-debian.html;
		server_name _;
		location / {
			try_files $uri $uri/ =404;
		}
		${options.compress ? COMPRESS_LINES : ''}
	}
}
`
	);
	const proc: ChildProcess = spawn('/usr/sbin/nginx', ['-c', conf, '-p', prefix], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	proc.stderr?.on('data', (d) => (stderr += String(d)));
	const url = `http://127.0.0.1:${port}`;
	await untilUp(url, () => (proc.exitCode !== null ? `nginx exited: ${stderr}` : null));
	const served = (): Served[] =>
		(existsSync(log) ? readFileSync(log, 'utf8') : '')
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [path, bytes, encoding, length] = line.split('\t');
				const none = (v: string) => (v === '-' ? '' : v);
				return { path, bytes: Number(bytes), encoding: none(encoding), length: none(length) };
			});
	return { url, stop: stopper(proc, 'SIGQUIT'), served };
}

/** `python3 -m http.server`: the plainest static server there is. */
export async function startPython(root: string): Promise<Nginx> {
	const port = await freePort();
	const proc = spawn(
		'python3',
		['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root],
		{
			stdio: 'ignore'
		}
	);
	const url = `http://127.0.0.1:${port}`;
	await untilUp(url, () => (proc.exitCode !== null ? 'python3 -m http.server exited' : null));
	return { url, stop: stopper(proc, 'SIGTERM') };
}

/** Polls the server's root until it answers (at most 5 s), failing early if `died` says so. */
async function untilUp(url: string, died: () => string | null): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const why = died();
		if (why) throw new Error(why);
		const up = await fetch(url + '/').then(
			() => true,
			() => false
		);
		if (up) return;
		await new Promise((r) => setTimeout(r, 50));
	}
}

function stopper(proc: ChildProcess, signal: NodeJS.Signals): () => Promise<void> {
	return () =>
		new Promise((resolve) => {
			if (proc.exitCode !== null) return resolve();
			proc.once('exit', () => resolve());
			proc.kill(signal);
		});
}
