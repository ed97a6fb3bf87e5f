import { resolve } from 'node:path';
import type { AssessedLevel } from '../../lib/assess';
import { ConfigError } from '../../lib/config';
import { parsePeriod } from '../../lib/periods';
import { parseArgs, UsageError } from '../args';
import { runAssessment } from '../assess-data';
import { assessFormats, formatAssessment, type AssessFormat } from '../assess-output';
import type { Command } from '../effects';

const USAGE =
	'kaoping assess --data DIR --period P [--level township|village] [--township CODE] [--scheme FILE] [--format table|csv|json]';

const levels: readonly AssessedLevel[] = ['township', 'village'];

export const assessCommand: Command = {
	name: 'assess',
	summary: 'scores, ranks, tiers and cards for a period (考核评分、排名、等次与三牌)',
	usage: USAGE,
	async run(argv, fx) {
		const args = parseArgs(argv, {
			data: { value: true, required: true },
			period: { value: true, required: true },
			level: { value: true },
			township: { value: true },
			scheme: { value: true },
			format: { value: true }
		});
		const period = parsePeriod(String(args.period));
		if (!period)
			throw new UsageError(
				`--period "${String(args.period)}" is not a period: write 2024, 2024H1, 2024Q2, 2024-05 or 2024-05YTD`
			);
		const level = (args.level ?? 'township') as AssessedLevel;
		if (!levels.includes(level))
			throw new UsageError(`--level must be township or village, not "${String(args.level)}"`);
		const format = (args.format ?? 'table') as AssessFormat;
		if (!assessFormats.includes(format))
			throw new UsageError(`--format must be table, csv or json, not "${String(args.format)}"`);
		try {
			const run = await runAssessment({
				data: resolve(String(args.data)),
				period,
				level,
				schemeFile: args.scheme ? resolve(String(args.scheme)) : undefined
			});
			const township = args.township === undefined ? undefined : String(args.township);
			if (
				township !== undefined &&
				!run.units.some((u) => u.code === township && u.level === 'township')
			)
				throw new UsageError(`--township ${township} is not a township of the extract set`);
			// villages are ranked in their county, whichever township is shown
			const shown =
				township === undefined
					? run.assessment.units
					: run.assessment.units.filter((u) =>
							level === 'village' ? u.parent_code === township : u.code === township
						);
			for (const note of run.notes) fx.stderr(`kaoping assess: ${note}\n`);
			fx.stdout(formatAssessment(run.assessment, shown, run.config.catalog, format, run.chance));
			return 0;
		} catch (e) {
			if (e instanceof ConfigError) {
				fx.stderr(`${e.message}\n`);
				return 1;
			}
			throw e;
		}
	}
};
