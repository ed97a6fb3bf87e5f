import { randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'kp-precompress-'));
	mkdirSync(join(dir, 'a/b'), { recursive: true });
	mkdirSync(join(dir, 'data'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = 'export const 政策符合率 = "policy_compliance_rate";\n'.repeat(100);

describe('precompressDir', () => {
	it('writes .br and .gz that decode to the file, beside large compressible files only', async () => {
		writeFileSync(join(dir, 'a/b/app.js'), text);
		writeFileSync(join(dir, 'small.json'), '{"a":1}');
		writeFileSync(join(dir, 'noise.wasm'), randomBytes(4096));
		writeFileSync(join(dir, 'logo.png'), text);
		writeFileSync(join(dir, 'data/manifest.json'), text);
		const done = await precompressDir(dir, { skip: ['data'] });
		const original = readFileSync(join(dir, 'a/b/app.js'));
		expect(gunzipSync(readFileSync(join(dir, 'a/b/app.js.gz')))).toEqual(original);
		expect(brotliDecompressSync(readFileSync(join(dir, 'a/b/app.js.br')))).toEqual(original);
		// under 1 kB, not shrinking, not a text or wasm type, or in a skipped folder: left alone
		for (const f of ['small.json', 'noise.wasm', 'logo.png', 'data/manifest.json'])
			for (const ext of ['gz', 'br']) expect(existsSync(join(dir, `${f}.${ext}`)), f).toBe(false);
		const js = done.find((d) => d.file === 'a/b/app.js')!;
		expect(js.bytes).toBe(original.length);
		expect(js.gz).toBeLessThan(original.length / 10);
		expect(js.br).toBeLessThan(js.gz!);
	});

	it('reuses a cached result for the same content and prunes the rest', async () => {
		const cacheDir = join(dir, 'cache');
		writeFileSync(join(dir, 'a/app.css'), text);
		await precompressDir(dir, { cacheDir, skip: ['cache'] });
		expect(readdirSync(cacheDir)).toHaveLength(2);
		// a planted cache entry proves the second run read it instead of compressing again
		const [brEntry] = readdirSync(cacheDir).filter((n) => n.includes('.br'));
		writeFileSync(join(cacheDir, brEntry), 'cached');
		await precompressDir(dir, { cacheDir, skip: ['cache'] });
		expect(readFileSync(join(dir, 'a/app.css.br'), 'utf8')).toBe('cached');
		writeFileSync(join(dir, 'a/app.css'), text + '/* changed */');
		await precompressDir(dir, { cacheDir, skip: ['cache'] });
		expect(readdirSync(cacheDir)).toHaveLength(2);
		expect(brotliDecompressSync(readFileSync(join(dir, 'a/app.css.br'))).toString()).toContain(
			'changed'
		);
	});
});
