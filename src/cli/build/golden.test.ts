import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpExtractSet, fixtureCopy } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { build } from './run';

/**
 * Golden files: tests/fixtures/<case>/input is a raw input directory, expected.json the dump of
 * the extract set it must publish. UPDATE_GOLDEN=1 rewrites expected.json (review the diff!).
 */
const cases = ['tiny'];

describe('golden extract sets', () => {
	it.each(cases)('%s publishes exactly the expected extracts', async (name) => {
		const root = join('tests/fixtures', name);
		const scratch = fixtureCopy(join(root, 'input'));
		try {
			const out = join(scratch.dir, 'out');
			const { fx, stderr } = recordingEffects();
			const result = await build(
				{ input: join(scratch.dir, 'input'), out, allowRejects: false, maxErrors: 50, lang: 'en' },
				fx
			);
			expect(result.published, stderr()).toBe(true);
			const dump = await dumpExtractSet(out);
			const expectedPath = join(root, 'expected.json');
			if (process.env.UPDATE_GOLDEN)
				writeFileSync(expectedPath, JSON.stringify(dump, null, '\t') + '\n');
			expect(existsSync(expectedPath), `${expectedPath} missing: run with UPDATE_GOLDEN=1`).toBe(true);
			expect(dump).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
		} finally {
			scratch.cleanup();
		}
	});
});
