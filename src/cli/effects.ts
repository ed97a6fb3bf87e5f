/**
 * Side effects a command may have besides files: passed in, so tests capture output and pin
 * the clock instead of patching globals.
 */
export interface Effects {
	stdout(text: string): void;
	stderr(text: string): void;
	/** Whether stderr is a terminal (progress bars) or a log (plain lines). */
	isTTY: boolean;
	now(): Date;
}

export const processEffects: Effects = {
	stdout: (t) => void process.stdout.write(t),
	stderr: (t) => void process.stderr.write(t),
	isTTY: Boolean(process.stderr.isTTY),
	now: () => new Date()
};

/** Effects that record output, for tests. */
export function recordingEffects(now = new Date('2025-01-15T08:00:00Z')) {
	const out: string[] = [];
	const err: string[] = [];
	const fx: Effects = {
		stdout: (t) => void out.push(t),
		stderr: (t) => void err.push(t),
		isTTY: false,
		now: () => now
	};
	return { fx, stdout: () => out.join(''), stderr: () => err.join('') };
}

export interface Command {
	name: string;
	summary: string;
	usage: string;
	run(argv: string[], fx: Effects): Promise<number>;
}
