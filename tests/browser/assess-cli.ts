import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';

export interface AssessedUnit {
	code: string;
	name: string;
	score: number;
	rank: number | null;
	rank_change: number | null;
	tier: string | null;
	card: string | null;
	reasons: string[];
}

/** `kaoping assess --format json` on the demo set: what the pages must agree with. */
export function assessCli(period: string, ...more: string[]): AssessedUnit[] {
	const r = spawnSync(
		process.execPath,
		[
			'bin/kaoping.js',
			'assess',
			'--data',
			inject('demoExtracts'),
			'--period',
			period,
			'--format',
			'json',
			...more
		],
		// every village of the county is more than spawnSync's default 1 MB of output
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	if (r.status !== 0) throw new Error(r.stderr);
	return JSON.parse(r.stdout) as AssessedUnit[];
}
