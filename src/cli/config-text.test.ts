import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../lib/config';
import { DEFAULT_CONFIG_DIR, loadConfigFiles, readConfigFiles } from './config-files';

const dir = mkdtempSync(join(tmpdir(), 'kaoping-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const original = readFileSync(join(DEFAULT_CONFIG_DIR, 'indicators.yaml'), 'utf8');

describe('a county config/ file in GBK', () => {
	it('is decoded like a report: the same catalog as the UTF-8 original', () => {
		writeFileSync(join(dir, 'indicators.yaml'), iconv.encode(original, 'gbk'));
		const files = readConfigFiles(dir);
		// GBK has no "−" (a comment uses it); everything else comes back as written.
		expect(files.indicators.text).toBe(original.replace(/−/g, '?'));
		const catalog = loadConfigFiles(files).catalog;
		expect(catalog).toEqual(loadConfigFiles(readConfigFiles()).catalog);
		expect(catalog.incident_types.map((t) => t.id)).toContain('虚假环孕检');
	});

	it('that fits no encoding is refused naming the file and the line', () => {
		const bytes = Buffer.concat([
			iconv.encode('version: 1\n# 说明\n', 'gbk'),
			Buffer.from([0x81, 0x0a])
		]);
		writeFileSync(join(dir, 'indicators.yaml'), bytes);
		let error: unknown;
		try {
			readConfigFiles(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as Error).message).toContain(join(dir, 'indicators.yaml'));
		expect((error as Error).message).toContain('line 3: 编码错误');
	});
});
