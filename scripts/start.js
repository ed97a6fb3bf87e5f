#!/usr/bin/env node
// `npm start`: demo extracts if static/data has none, then build the site and serve it on
// 127.0.0.1. Any step failing stops here with its own message.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { preview } from 'vite';

/** @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
const run = (cmd, args, env = process.env) => {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('static/data/manifest.json')) {
	console.log(
		'static/data 中没有数据：生成示范县数据 (no extracts in static/data: building the demo county)…'
	);
	run(process.execPath, ['bin/kaoping.js', 'demo', '--out', 'data/demo']);
	run(process.execPath, [
		'bin/kaoping.js',
		'build',
		'--input',
		'data/demo',
		'--out',
		'static/data'
	]);
}
// a NODE_ENV other than production left in the shell would build Svelte's development code
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
	...process.env,
	NODE_ENV: 'production'
});

const port = Number(process.env.PORT ?? 4173);
const server = await preview({
	preview: { host: '127.0.0.1', port, strictPort: false, open: false }
});
console.log('\n考评 kaoping 已启动 (serving):');
server.printUrls();
