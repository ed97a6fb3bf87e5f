import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type ExtractEntry, type ExtractName, type FileRef, type InputEntry, type Manifest, type Provenance, type VillageIndex } from '../../lib/extract/schema';
import { monthText } from '../../lib/periods';
import { compileConfig, type Config } from '../../lib/config';
import type { ConfigFiles } from '../config-files';
import { precompute } from './precompute';
import { precompressDir } from '../precompress';
import type { Effects } from '../effects';
import type { Lang } from './issues';
import {
	assertReplaceable,
	makeStagingDir,
	nameByContent,
	removeDir,
	swapIn,
	type PublishFs
} from './publish';
import type { Store } from './store';
import type { UnitRecord } from './units';

export interface PublishInput {
	out: string;
	now: Date;
	units: Map<string, UnitRecord>;
	range: { from: number; to: number };
	/** The last month most villages reported (see Store.latestMonth). */
	latest: number;
	/** The build's local date, YYYY-MM-DD: what "not yet due" was judged against. */
	today: string;
	inputs: InputEntry[];
	configFiles: ConfigFiles;
	config: Config;
	rejectedRows: number;
	warnings: number;
	fx: Effects;
	lang: Lang;
	ops: PublishFs;
	/** Ends a timed phase of the build (BuildResult.timings), for the benchmark. */
	mark?: (phase: string) => void;
}

const GENERATOR = 'kaoping 0.1.0';

/** Writes every extract, the effective configuration and manifest.json, then swaps the set in. */
export async function publishExtracts(store: Store, p: PublishInput): Promise<Manifest> {
	assertReplaceable(p.out);
	const staging = makeStagingDir(p.out);
	try {
		const extracts: ExtractEntry[] = [];
		const write = async (name: ExtractName, select: string, file: string, extra: Partial<ExtractEntry> = {}) => {
			const path = join(staging, file);
			const rows = await store.copyToParquet(select, path);
			const ref = nameByContent(path);
			const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
			extracts.push({ name, ...extra, ...ref, file: dir + ref.file, rows });
		};
		const mark = p.mark ?? (() => {});
		await write('units', 'SELECT * FROM units', 'units.parquet');
		const townships = [...p.units.values()].filter((u) => u.level === 'township').map((u) => u.code).sort();
		const villageDir = join(staging, 'village_month');
		const villageFiles: ExtractEntry[] = [];
		const parts = await store.writeVillageFiles(villageDir);
		const former = await store.formerVillages();
		for (const part of parts) {
			const ref = nameByContent(part.path);
			const moved = former.get(part.key);
			villageFiles.push({ name: 'village_month', township_code: part.key, ...ref, file: `village_month/${ref.file}`, rows: part.rows, ...(moved ? { former_villages: moved } : {}) });
		}
		// the township and county tables were made meanwhile (Store.writeVillageFiles)
		mark('write_village_files');
		await write('township_month', 'SELECT * FROM township_month', 'township_month.parquet');
		await write('county_month', 'SELECT * FROM county_month', 'county_month.parquet');
		await write('tasks', 'SELECT * FROM tasks', 'tasks.parquet');
		await write('incidents', 'SELECT * FROM incidents', 'incidents.parquet');

		mkdirSync(join(staging, 'config'));
		const copyConfig = (text: string, name: string) => {
			writeFileSync(join(staging, 'config', name), text);
			const ref = nameByContent(join(staging, 'config', name));
			return { ...ref, file: `config/${ref.file}` };
		};
		const schemes = p.configFiles.schemes.map((s) => {
			const name = s.source.split(/[\\/]/).pop()!;
			return { year: Number(name.match(/\d{4}/)![0]), ...copyConfig(s.text, name) };
		});
		const all = [...p.units.values()];
		const manifest: Manifest = {
			schema_version: SCHEMA_VERSION,
			generator: GENERATOR,
			built_at: p.now.toISOString(),
			counties: all.filter((u) => u.level === 'county').map((u) => ({ code: u.code, name: u.name })),
			periods: { from: monthText(p.range.from), to: monthText(p.range.to), latest: monthText(p.latest) },
			today: p.today,
			counts: {
				townships: townships.length,
				villages: all.filter((u) => u.level === 'village').length,
				reports: store.reportRows
			},
			extracts,
			villages: {
				...writeJson(staging, 'villages.json', { schema_version: SCHEMA_VERSION, extracts: villageFiles } satisfies VillageIndex),
				files: villageFiles.length,
				rows: villageFiles.reduce((n, e) => n + e.rows, 0)
			},
			config: {
				indicators: copyConfig(p.configFiles.indicators.text, 'indicators.yaml'),
				schemes,
				// what the site reads: validated here, so a page load parses no YAML and runs no zod
				compiled: writeJson(staging, 'config.json', compileConfig(p.config, SCHEMA_VERSION))
			},
			provenance: writeJson(staging, 'provenance.json', {
				schema_version: SCHEMA_VERSION,
				generator: GENERATOR,
				built_at: p.now.toISOString(),
				inputs: p.inputs
			} satisfies Provenance),
			rejects: { rows: p.rejectedRows },
			warnings: p.warnings
		};
		mark('write_tables');
		const precomputed = await precompute(staging, manifest, p.config);
		manifest.precomputed = precomputed.first;
		manifest.precomputed_more = precomputed.more;
		mark('precompute');
		// no indentation: the browser fetches this first; what grows with the number of units
		// (village files, input hashes) is in files of its own, fetched when needed
		writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest) + '\n');
		// .gz/.br for servers with gzip_static: the JSON shrinks 14× (demo: 966 → 70 kB gzip), the
		// Parquet files (zstd already) only ~20% — not worth a second copy of every one
		await precompressDir(staging, { only: /\.(json|yaml)$/, brotliQuality: 9 });
		mark('precompress');
		swapIn(staging, p.out, p.ops);
		return manifest;
	} catch (e) {
		removeDir(staging);
		throw e;
	}
}

/** Writes a JSON file into the staging set under its content-hashed name. */
function writeJson(staging: string, name: string, value: unknown): FileRef {
	writeFileSync(join(staging, name), JSON.stringify(value) + '\n');
	return nameByContent(join(staging, name));
}
