import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './print-bulletin';
import { serveSite, type LocalSite } from './serve-site';

/** The loopback server `kaoping bulletin` prints from: the built site with another data folder. */
let dir: string;
let site: LocalSite;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kaoping-serve-'));
	mkdirSync(join(dir, 'build', 'bulletin'), { recursive: true });
	mkdirSync(join(dir, 'build', 'data'), { recursive: true });
	mkdirSync(join(dir, 'extracts'), { recursive: true });
	writeFileSync(join(dir, 'build', 'bulletin', 'index.html'), '<h1>通报</h1>');
	writeFileSync(join(dir, 'build', 'engine.wasm'), 'wasm');
	writeFileSync(join(dir, 'build', 'data', 'manifest.json'), '{"old":true}');
	writeFileSync(join(dir, 'extracts', 'manifest.json'), '{"new":true}');
	writeFileSync(join(dir, 'secret.txt'), 'outside');
	site = await serveSite(join(dir, 'build'), join(dir, 'extracts'));
});
afterAll(async () => {
	await site.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A raw request: the path is sent as written (fetch would resolve the dots away). */
const get = (path: string) =>
	new Promise<{ status: number; type: string; body: string; location?: string }>((ok, fail) => {
		const req = request(`${site.url}${path}`, { method: 'GET' }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () =>
				ok({
					status: res.statusCode!,
					type: String(res.headers['content-type'] ?? ''),
					body,
					location: res.headers.location
				})
			);
		});
		req.path = path;
		req.on('error', fail);
		req.end();
	});

describe('serveSite', () => {
	it('listens on loopback only', () => expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));

	it('serves a page directory as its index.html, redirecting the slash-less address', async () => {
		expect(await get('/bulletin/?period=2024')).toMatchObject({
			status: 200,
			body: '<h1>通报</h1>'
		});
		expect(await get('/bulletin?period=2024')).toMatchObject({
			status: 301,
			location: '/bulletin/?period=2024'
		});
	});

	it('takes data/ from the extract set, not the copy inside the build', async () =>
		expect((await get('/data/manifest.json?v=1')).body).toBe('{"new":true}'));

	it('sends wasm as application/wasm', async () =>
		expect((await get('/engine.wasm')).type).toBe('application/wasm'));

	it('never serves a file outside the two folders', async () => {
		for (const path of [
			'/../secret.txt',
			'/%2e%2e/secret.txt',
			'/data/../../secret.txt',
			'/data/%2e%2e/%2e%2e/secret.txt'
		])
			expect((await get(path)).body, path).not.toBe('outside');
		expect((await get('/missing.js')).status).toBe(404);
	});
});

describe('findChromium', () => {
	it('takes --chromium, then KAOPING_CHROMIUM, then /usr/bin/chromium, and says which was missing', () => {
		const here = join(dir, 'build', 'engine.wasm');
		expect(findChromium(here, {})).toBe(here);
		expect(findChromium(undefined, { KAOPING_CHROMIUM: here })).toBe(here);
		expect(() => findChromium('/no/chrome', { KAOPING_CHROMIUM: here })).toThrow(
			'Chromium not found at /no/chrome (--chromium): install it (Debian: apt-get install chromium fonts-noto-cjk)'
		);
		expect(() => findChromium(undefined, { KAOPING_CHROMIUM: '/no/env' })).toThrow(
			'Chromium not found at /no/env (KAOPING_CHROMIUM)'
		);
	});
});
