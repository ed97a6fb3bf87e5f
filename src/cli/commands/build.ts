import { resolve } from 'node:path';
import { ConfigError } from '../../lib/config';
import { intOption, parseArgs, UsageError } from '../args';
import { build } from '../build/run';
import type { Command } from '../effects';

export const buildCommand: Command = {
	name: 'build',
	summary: 'validate raw inputs and publish the extract set (校验原始报表并发布数据)',
	usage:
		'kaoping build --input DIR --out DIR [--rejects FILE] [--allow-rejects] [--max-errors N] [--lang zh|en] [--today YYYY-MM-DD] [--time-zone Asia/Shanghai] [--convert-xls]',
	async run(argv, fx) {
		const args = parseArgs(argv, {
			input: { value: true, required: true },
			out: { value: true, required: true },
			rejects: { value: true },
			'allow-rejects': { value: false },
			'max-errors': { value: true },
			lang: { value: true },
			today: { value: true },
			'time-zone': { value: true },
			'convert-xls': { value: false }
		});
		const lang = (args.lang ?? 'zh') as string;
		if (lang !== 'zh' && lang !== 'en')
			throw new UsageError(`--lang must be zh or en, not "${lang}"`);
		try {
			const result = await build(
				{
					input: resolve(String(args.input)),
					out: resolve(String(args.out)),
					rejects: args.rejects ? resolve(String(args.rejects)) : undefined,
					allowRejects: Boolean(args['allow-rejects']),
					maxErrors: intOption(args, 'max-errors', 30, 1),
					lang,
					today: args.today ? String(args.today) : undefined,
					timeZone: args['time-zone'] ? String(args['time-zone']) : undefined,
					convertXls: Boolean(args['convert-xls'])
				},
				fx
			);
			return result.published ? 0 : 1;
		} catch (e) {
			if (e instanceof ConfigError) {
				fx.stderr(`${e.message}\n`);
				return 1;
			}
			throw e;
		}
	}
};
