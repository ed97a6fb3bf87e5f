#!/usr/bin/env node
// The CLI is TypeScript shared with the site; tsx compiles it on the fly so that `npx kaoping`
// works straight after `npm ci`, with no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
