import { UsageError } from './args';
import { processEffects, type Command, type Effects } from './effects';
import { demoCommand } from './commands/demo';
import { buildCommand } from './commands/build';
import { assessCommand } from './commands/assess';
import { bulletinCommand } from './commands/bulletin';

const commands: Command[] = [demoCommand, buildCommand, assessCommand, bulletinCommand];

function help(): string {
	return [
		'kaoping — 考评: population and family-planning assessment extracts',
		'',
		'Commands:',
		...commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
		'',
		...commands.map((c) => `  ${c.usage}`),
		''
	].join('\n');
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function main(argv: string[], fx: Effects = processEffects): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === 'help') {
		fx.stdout(help());
		return name ? 0 : 2;
	}
	const command = commands.find((c) => c.name === name);
	if (!command) {
		fx.stderr(`kaoping: unknown command "${name}"\n\n${help()}`);
		return 2;
	}
	if (rest.includes('--help')) {
		fx.stdout(`${command.usage}\n`);
		return 0;
	}
	try {
		return await command.run(rest, fx);
	} catch (e) {
		if (e instanceof UsageError) {
			fx.stderr(`kaoping ${name}: ${e.message}\nusage: ${command.usage}\n`);
			return 2;
		}
		fx.stderr(`kaoping ${name}: ${(e as Error).message}\n`);
		return 1;
	}
}
