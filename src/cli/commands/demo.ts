import { intOption, parseArgs, UsageError, type ParsedArgs } from '../args';
import { defaultConfig } from '../config-files';
import { DEMO_DEFAULTS, TOWNSHIPS_PER_COUNTY, type DemoOptions } from '../demo/model';
import { writeDemo, type DemoSummary } from '../demo/run';
import type { Command, Effects } from '../effects';
import { Progress } from '../progress';
import { monthText, parseReportMonth, yearOf, type MonthIndex } from '../../lib/periods';

const USAGE =
	'kaoping demo --out DIR [--seed N] [--townships N] [--villages N] [--from YYYY-MM] [--to YYYY-MM]';

// Codes leave two digits for the prefecture and two for the county under the province prefix.
const MAX_TOWNSHIPS = 99 * 20 * TOWNSHIPS_PER_COUNTY;
// Village codes 201–999 leave room for about 800 per township; the uneven split needs slack.
const MAX_VILLAGES_PER_TOWNSHIP = 400;
const MAX_MONTHS = 100 * 12;

export function parseDemoArgs(argv: string[]): { out: string; options: DemoOptions } {
	const args = parseArgs(argv, {
		out: { value: true, required: true },
		seed: { value: true },
		townships: { value: true },
		villages: { value: true },
		from: { value: true },
		to: { value: true }
	});
	const townships = intOption(args, 'townships', DEMO_DEFAULTS.townships, 1);
	if (townships > MAX_TOWNSHIPS)
		throw new UsageError(`--townships must be at most ${MAX_TOWNSHIPS}`);
	// Scaling the default county keeps its ~16 villages per township when only --townships is given.
	const fallbackVillages = Math.round(
		(DEMO_DEFAULTS.villages * townships) / DEMO_DEFAULTS.townships
	);
	const villages = intOption(args, 'villages', fallbackVillages, 1);
	if (villages < townships)
		throw new UsageError(`--villages (${villages}) must be at least --townships (${townships})`);
	if (villages > townships * MAX_VILLAGES_PER_TOWNSHIP)
		throw new UsageError(
			`--villages allows at most ${MAX_VILLAGES_PER_TOWNSHIP} villages per township`
		);
	const from = monthArg(args, 'from', DEMO_DEFAULTS.from);
	const to = monthArg(args, 'to', DEMO_DEFAULTS.to);
	if (from > to) throw new UsageError(`--from ${monthText(from)} is after --to ${monthText(to)}`);
	if (to - from >= MAX_MONTHS) throw new UsageError('--from … --to may span at most 100 years');
	const out = args.out as string;
	return {
		out,
		options: { seed: intOption(args, 'seed', DEMO_DEFAULTS.seed), townships, villages, from, to }
	};
}

function monthArg(args: ParsedArgs, name: string, fallback: MonthIndex): MonthIndex {
	const v = args[name];
	if (v === undefined) return fallback;
	const m = typeof v === 'string' ? parseReportMonth(v) : null;
	if (m === null)
		throw new UsageError(`--${name} must be a month written YYYY-MM, not "${String(v)}"`);
	return m;
}

function summaryText(dir: string, s: DemoSummary, seconds: number): string {
	const n = (x: number) => x.toLocaleString('en-US');
	const gbk = s.files['gbk-names'] + s.files['gbk-aliases'];
	const files = s.files.xlsx + gbk + s.files['utf8-ids'];
	return [
		`kaoping demo: wrote ${dir}`,
		`  units     ${n(s.counties)} ${s.counties === 1 ? 'county' : 'counties'}, ${n(s.townships)} townships, ${n(s.villages)} villages`,
		`  reports   ${n(s.rows)} village-month rows (${n(s.missing)} left out on purpose) in ${n(files)} files: ` +
			`${n(s.files.xlsx)} XLSX, ${n(gbk)} GBK CSV, ${n(s.files['utf8-ids'])} UTF-8 CSV`,
		`  tasks     ${n(s.tasks)}; incidents ${n(s.incidents)}`,
		`  elapsed   ${seconds.toFixed(1)} s`,
		''
	].join('\n');
}

export const demoCommand: Command = {
	name: 'demo',
	summary: "write a synthetic county's raw inputs (same arguments → same bytes)",
	usage: USAGE,
	async run(argv: string[], fx: Effects): Promise<number> {
		const started = fx.now().getTime();
		const { out, options } = parseDemoArgs(argv);
		const { catalog } = defaultConfig();
		const files = options.townships * (yearOf(options.to) - yearOf(options.from) + 1);
		const progress = new Progress(fx, 'demo', files);
		const summary = writeDemo(out, options, catalog, (done, _total, file) =>
			progress.update(done, file)
		);
		progress.done();
		fx.stdout(summaryText(out, summary, (fx.now().getTime() - started) / 1000));
		return 0;
	}
};
