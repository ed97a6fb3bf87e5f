#!/usr/bin/env node
// `npm run bench:build`: builds the demo county and a province-size input, printing rows per
// second, wall time and peak RSS (medians of repeated runs). Raw inputs are cached in
// bench/output/ since generating them is not what is measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'bench/output';
const sizes = [
	{
		name: 'demo county (19 townships, 300 villages, 2019-01..2024-12)',
		key: 'demo',
		args: [],
		runs: 5
	},
	{
		name: 'province (1,500 townships, 25,000 villages, 2015-01..2024-12)',
		key: 'province',
		args: ['--townships', '1500', '--villages', '25000', '--from', '2015-01', '--to', '2024-12'],
		runs: Number(process.env.BENCH_PROVINCE_RUNS ?? 3)
	}
];
const only = process.argv[2];

/** @param {string[]} args */
function measured(args) {
	const r = spawnSync(process.execPath, ['scripts/measure-cli.js', ...args], {
		encoding: 'utf8',
		maxBuffer: 1 << 26
	});
	const m = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}');
	if (m.code !== 0) throw new Error(`kaoping ${args.join(' ')} exited ${m.code}\n${r.stderr}`);
	return m;
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (const size of sizes.filter((s) => !only || s.key === only)) {
	const raw = join(OUT, `${size.key}-raw`);
	if (!existsSync(join(raw, 'units.csv'))) {
		console.log(`generating ${size.name} …`);
		const g = measured(['demo', '--out', raw, ...size.args]);
		console.log(`  demo: ${g.seconds.toFixed(1)} s, peak RSS ${g.maxRssMB.toFixed(0)} MB`);
	}
	const runs = [];
	for (let i = 0; i < size.runs; i++) {
		const out = join(OUT, `${size.key}-extracts`);
		rmSync(out, { recursive: true, force: true });
		runs.push(measured(['build', '--input', raw, '--out', out]));
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		runs[i].rows = manifest.counts.reports;
	}
	const seconds = median(runs.map((r) => r.seconds));
	const cpu = median(runs.map((r) => r.cpuSeconds));
	const rss = median(runs.map((r) => r.maxRssMB));
	const rows = runs[0].rows;
	results.push({ size: size.name, rows, seconds, rss });
	if (size.key === 'province') {
		const out = join(OUT, `${size.key}-extracts`);
		const manifest = readFileSync(join(out, 'manifest.json'));
		console.log(
			`  manifest.json the browser reads first: ${(manifest.length / 1024).toFixed(1)} KB`
		);
	}
	console.log(
		`${size.name}\n  ${rows.toLocaleString('en')} village-months · median of ${runs.length}: ${seconds.toFixed(2)} s wall · ` +
			`${Math.round(rows / seconds).toLocaleString('en')} rows/s · ${cpu.toFixed(1)} s CPU · peak RSS ${rss.toFixed(0)} MB` +
			`  (runs: ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s)`
	);
}
if (results.length === 2) {
	const [a, b] = results;
	console.log(
		`ratio province/demo: ${(b.rows / a.rows).toFixed(0)}× rows, ${(b.seconds / a.seconds).toFixed(1)}× time, ` +
			`${(b.rss / a.rss).toFixed(1)}× RSS; target: province < 30 s and < 2,048 MB → ` +
			(b.seconds < 30 && b.rss < 2048 ? 'met' : 'NOT met')
	);
}
