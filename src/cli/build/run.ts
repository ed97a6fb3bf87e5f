import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputEntry, Manifest } from '../../lib/extract/schema';
import { dayText, parseDay } from '../../lib/periods';
import { DEFAULT_TIME_ZONE, localDay } from './clock';
import { loadConfigFiles, readConfigFiles, type ConfigFiles } from '../config-files';
import type { Effects } from '../effects';
import { Progress } from '../progress';
import { duplicateFindings } from './duplicates';
import { FILE_DROPPED, formatReport, type Issue, type Lang } from './issues';
import { failureMessage, recoveryMessage, summaryMessage } from './messages';
import { realFs, recoverPublish, removeDir, sha256, type PublishFs } from './publish';
import { publishExtracts } from './publish-extracts';
import { defaultWorkers, readReports } from './read-pool';
import { writeRejects } from './rejects';
import { collectReportFiles } from './report-files';
import type { RejectRow } from './reports';
import { sofficeConverter, type XlsConverter } from './xls-convert';
import { readMoves } from './moves';
import { strayMonthFindings, strayMonths } from './period-range';
import { readIncidents, readTasks } from './side-tables';
import { Store } from './store';
import { readUnits } from './units';

export interface BuildOptions {
	input: string;
	out: string;
	rejects?: string;
	allowRejects: boolean;
	maxErrors: number;
	lang: Lang;
	/** Reader threads; default: by input size and cores. */
	workers?: number;
	/** The county's time zone: "today" for submission dates and due reports (Asia/Shanghai). */
	timeZone?: string;
	/** Pins the build's date, YYYY-MM-DD (tests, rebuilding an old month). */
	today?: string;
	/** --convert-xls: read .xls reports through LibreOffice (converted copies, input untouched). */
	convertXls?: boolean;
	/** The .xls converter; default LibreOffice's soffice on PATH, null when absent. */
	xlsConverter?: XlsConverter | null;
}

export interface BuildResult {
	published: boolean;
	issues: Issue[];
	rejectedRows: number;
	manifest?: Manifest;
	/** Every input file read, with its hash (the published set's provenance file). */
	inputs: InputEntry[];
	/** Seconds spent in each phase, for the benchmark. */
	timings: Record<string, number>;
}

/**
 * `kaoping build`: validate a county's raw inputs and publish the extract set atomically.
 * Nothing is published unless every row validates (or --allow-rejects), and a failure leaves
 * the previously published set exactly as it was.
 */
export async function build(opts: BuildOptions, fx: Effects, ops: PublishFs = realFs): Promise<BuildResult> {
	const started = performance.now();
	const timings: Record<string, number> = {};
	let lap = started;
	const mark = (phase: string) => {
		const now = performance.now();
		timings[phase] = (now - lap) / 1000;
		lap = now;
	};
	const recovered = recoverPublish(opts.out, tmpdir());
	if (recovered.restored || recovered.removed.length) fx.stderr(recoveryMessage(opts.lang, opts.out, recovered));
	const configFiles = readConfigFiles(join(opts.input, 'config'));
	const config = loadConfigFiles(configFiles);
	const { catalog } = config;
	const now = fx.now();
	const today = opts.today ? parseDay(opts.today) : localDay(now, opts.timeZone ?? DEFAULT_TIME_ZONE);
	if (today === null) throw new Error(`--today ${JSON.stringify(opts.today)}: write the date as YYYY-MM-DD`);

	const unitsPath = join(opts.input, 'units.csv');
	if (!existsSync(unitsPath)) throw new Error(`${unitsPath} not found: the raw input directory needs units.csv`);
	if (!existsSync(join(opts.input, 'reports'))) throw new Error(`${join(opts.input, 'reports')} not found`);
	const unitsBytes = readFileSync(unitsPath);
	const { units, issues } = readUnits(unitsBytes, 'units.csv');
	const inputs: InputEntry[] = [{ path: 'units.csv', sha256: sha256(unitsBytes), bytes: unitsBytes.length, rows: units.size }];
	const rejects: RejectRow[] = [];
	const failed = () => {
		fx.stderr(formatReport(issues, opts.maxErrors, opts.lang));
		const errors = issues.filter((i) => i.severity === 'error');
		const dropped = new Set(errors.filter((i) => FILE_DROPPED.has(i.rule)).map((i) => i.file)).size;
		fx.stderr(failureMessage(opts.lang, { errors: errors.length, rejected: rejects.length, dropped }, opts.out, Boolean(opts.rejects)));
		return { published: false, issues, rejectedRows: rejects.length, inputs, timings };
	};
	if (issues.some((i) => i.severity === 'error')) return failed();

	// the pid in the name lets the next build remove this folder if this process is killed
	const work = mkdtempSync(join(tmpdir(), `kaoping-build-${process.pid}-`));
	const store = await Store.open(catalog, work);
	try {
		const listed = collectReportFiles(opts.input, {
			lang: opts.lang,
			convertXls: Boolean(opts.convertXls),
			xlsConverter: opts.convertXls ? (opts.xlsConverter === undefined ? sofficeConverter() : opts.xlsConverter) : null,
			workDir: work
		});
		issues.push(...listed.issues);
		await store.appendUnits(units.values());
		const progress = new Progress(fx, opts.lang === 'zh' ? '读取月报' : 'reading reports', listed.files.length);
		let rows = 0;
		const parts = await readReports(
			listed.files,
			{ indicators: configFiles.indicators, units: [...units.values()], today, lang: opts.lang },
			{
				workers: opts.workers ?? defaultWorkers(listed.files.length),
				tempDir: work,
				onFile: (src, result) => {
					issues.push(...result.issues);
					rejects.push(...result.rejects);
					inputs.push({ path: listed.files[src].path, ...result.outcome });
					rows += result.outcome.rows;
					progress.update(src + 1, `${rows.toLocaleString('en')} rows`);
				}
			}
		);
		progress.done(`${rows.toLocaleString('en')} rows`);
		mark('read_validate');
		await store.loadReportParts(parts);
		const dups = duplicateFindings(await store.takeDuplicates(), listed.files.map((f) => f.path), catalog, opts.lang);
		issues.push(...dups.issues);
		rejects.push(...dups.rejects);
		const stray = strayMonths(await store.monthCounts());
		if (stray.length) {
			const taken = await store.takeMonths(stray);
			const main = (await store.monthRange())!;
			const label = catalog.attributes.find((a) => a.id === 'period')?.name[opts.lang] ?? 'period';
			const found = strayMonthFindings(taken, listed.files.map((f) => f.path), main, label, catalog, opts.lang);
			issues.push(...found.issues);
			rejects.push(...found.rejects);
		}
		mark('load_dedupe');
		await readSideTables(opts.input, catalog, units, store, issues, inputs, today);
		inputs.push(...configInputs(configFiles, opts.input));

		const range = await store.monthRange();
		if (!range) issues.push({ severity: 'error', file: 'reports/', line: null, column: null, rule: 'no_reports' });
		if (opts.rejects)
			try {
				writeRejects(opts.rejects, rejects, catalog, opts.lang);
			} catch (e) {
				// the findings matter more than the file: report the path and print them all
				issues.push({ severity: 'error', file: opts.rejects, line: null, column: null, rule: 'rejects_unwritable', detail: (e as Error).message });
			}
		// A file that could not be read at all is not a rejected row: --allow-rejects must not publish without it.
		const rowLevel = (i: Issue) => i.file.startsWith('reports/') && i.rule !== 'no_reports' && !FILE_DROPPED.has(i.rule);
		const errors = issues.filter((i) => i.severity === 'error');
		if (errors.some((i) => !rowLevel(i)) || (errors.length && !opts.allowRejects)) return failed();

		fx.stderr(
			opts.lang === 'zh'
				? '生成乡镇、县汇总表并写出数据文件……\n'
				: 'building township and county tables, writing extracts…\n'
		);
		await store.createExtracts(range!.from, range!.to, today);
		const latest = (await store.latestMonth(catalog.latest_month_share)) ?? range!.to;
		mark('create_extracts');
		const manifest = await publishExtracts(store, {
			out: opts.out,
			now,
			units,
			range: range!,
			latest,
			today: dayText(today),
			inputs,
			configFiles,
			config,
			rejectedRows: rejects.length,
			warnings: issues.filter((i) => i.severity === 'warning').length,
			fx,
			lang: opts.lang,
			ops,
			mark
		});
		mark('swap_in');
		fx.stderr(formatReport(issues, opts.maxErrors, opts.lang));
		fx.stdout(summaryMessage(opts.lang, manifest, opts.out, (performance.now() - started) / 1000));
		return { published: true, issues, rejectedRows: rejects.length, manifest, inputs, timings };
	} finally {
		store.close();
		removeDir(work);
	}
}

async function readSideTables(
	input: string,
	catalog: ReturnType<typeof loadConfigFiles>['catalog'],
	units: ReturnType<typeof readUnits>['units'],
	store: Store,
	issues: Issue[],
	inputs: InputEntry[],
	today: number
): Promise<void> {
	const read = (name: string) => {
		const path = join(input, name);
		if (!existsSync(path)) return null;
		const bytes = readFileSync(path);
		inputs.push({ path: name, sha256: sha256(bytes), bytes: bytes.length });
		return bytes;
	};
	const tasks = read('tasks.csv');
	if (tasks) {
		const r = readTasks(tasks, 'tasks.csv', catalog, units);
		issues.push(...r.issues);
		await store.appendTasks(r.tasks);
	}
	const moves = read('moves.csv');
	if (moves) {
		const r = readMoves(moves, 'moves.csv', units);
		issues.push(...r.issues);
		await store.appendMoves(r.ranges);
	}
	const incidents = read('incidents.csv');
	if (incidents) {
		const r = readIncidents(incidents, 'incidents.csv', catalog, units, today);
		issues.push(...r.issues);
		await store.appendIncidents(r.incidents);
	}
}

function configInputs(files: ConfigFiles, input: string): InputEntry[] {
	return [files.indicators, ...files.schemes]
		.filter((c) => c.source.startsWith(join(input, 'config')))
		.map((c) => ({
			path: `config/${c.source.split(/[\\/]/).pop()}`,
			sha256: sha256(Buffer.from(c.text)),
			bytes: Buffer.byteLength(c.text)
		}));
}
