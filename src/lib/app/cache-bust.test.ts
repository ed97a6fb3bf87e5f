import { describe, expect, it } from 'vitest';
import type { Manifest } from '../extract/schema';
import { fileRef, MANIFEST_FETCH, VERSION_CHARS, withVersion } from './cache-bust';

const SHA = 'ab39da099e496865592f31077c7fa6490a93a9a4ea788ccb3f14a5b6d0ad9624';

describe('withVersion', () => {
	it('adds the sha256 prefix as ?v=', () => {
		expect(withVersion('./data/units-94958da5.parquet', SHA)).toBe(
			'./data/units-94958da5.parquet?v=ab39da099e496865'
		);
		expect(VERSION_CHARS).toBe(16);
	});

	it('appends to an existing query and keeps a fragment last', () => {
		expect(withVersion('/kaoping/data/a.json?x=1#top', SHA)).toBe(
			'/kaoping/data/a.json?x=1&v=ab39da099e496865#top'
		);
	});

	it('gives a different URL for different contents, the same URL for the same', () => {
		const other = 'cd' + SHA.slice(2);
		expect(withVersion('a.yaml', SHA)).toBe(withVersion('a.yaml', SHA));
		expect(withVersion('a.yaml', other)).not.toBe(withVersion('a.yaml', SHA));
	});

	it('leaves a file without a known hash as it is', () => {
		expect(withVersion('./data/manifest.json', undefined)).toBe('./data/manifest.json');
	});

	it('revalidates the manifest instead of trusting the browser cache', () => {
		expect(MANIFEST_FETCH.cache).toBe('no-cache');
	});
});

describe('fileRef', () => {
	const ref = (file: string, sha256: string) => ({ file, sha256, bytes: 1 });
	const manifest = {
		extracts: [{ ...ref('units-1.parquet', '11'), name: 'units', rows: 3 }],
		config: {
			indicators: ref('config/indicators.yaml', '22'),
			schemes: [{ ...ref('config/scheme-2024.yaml', '33'), year: 2024 }],
			compiled: ref('config-6.json', '66')
		},
		precomputed: ref('precomputed-4.json', '44'),
		villages: { ...ref('villages-5.json', '55'), files: 1, rows: 12 }
	} as unknown as Manifest;

	it.each([
		['units-1.parquet', '11'],
		['config/indicators.yaml', '22'],
		['config/scheme-2024.yaml', '33'],
		['precomputed-4.json', '44'],
		['villages-5.json', '55'],
		['config-6.json', '66']
	])('finds %s in every section of the manifest', (file, sha) => {
		expect(fileRef(manifest, file)?.sha256).toBe(sha);
	});

	it('knows nothing of a file the manifest does not list', () => {
		expect(fileRef(manifest, 'village_month/x.parquet')).toBeUndefined();
	});
});
