#!/usr/bin/env node
// Runs one kaoping command and prints its wall time and peak RSS as JSON on the last line of
// stderr, so benchmarks measure the CLI as users run it (DuckDB's native memory included).
import { register } from 'tsx/esm/api';

register();
const started = performance.now();
const { main } = await import('../src/cli/main.ts');
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, now: () => new Date() };
const code = await main(process.argv.slice(2), quiet);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU seconds of every thread (readers, DuckDB) as well as wall time: on a machine shared with
// other work, wall time says how busy it was, CPU time what the build itself cost
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stderr.write(
	`${JSON.stringify({ code, seconds, cpuSeconds, maxRssMB: usage.maxRSS / 1024 })}\n`
);
process.exitCode = code;
