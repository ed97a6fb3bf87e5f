// Child process for the publish-recovery test: runs `kaoping build` and dies by SIGKILL at the
// Nth rename of the publish, as a power loss or a killed process would, leaving the disk as is.
import { renameSync } from 'node:fs';
import { build } from '../../src/cli/build/run';
import { recordingEffects } from '../../src/cli/effects';

const [input, out, killAt] = process.argv.slice(2);
let renames = 0;
const dying = {
	rename(from: string, to: string) {
		if (++renames === Number(killAt)) process.kill(process.pid, 'SIGKILL');
		renameSync(from, to);
	}
};
const { fx } = recordingEffects();
await build({ input, out, allowRejects: false, maxErrors: 5, lang: 'en' }, fx, dying);
