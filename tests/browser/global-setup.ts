import type { TestProject } from 'vitest/node';
import { serveDir, type StaticServer } from './serve';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx, startPython } from './nginx';
import {
	buildSite,
	demoExtracts,
	deploySite,
	futureExtracts,
	hostileExtracts,
	movedExtracts,
	OUTPUT
} from './site';

declare module 'vitest' {
	export interface ProvidedContext {
		demoUrl: string;
		emptyUrl: string;
		hostileUrl: string;
		/** The tiny county with a village that moved township (site.ts, MOVED_VILLAGE). */
		movedUrl: string;
		movedExtracts: string;
		futureUrl: string;
		demoExtracts: string;
		/** The demo site on Debian's nginx (default server block) at the root and under /kaoping. */
		nginxUrl: string;
		nginxSubUrl: string;
		/** The demo site on `python3 -m http.server`. */
		pythonUrl: string;
	}
}

const servers: StaticServer[] = [];

/**
 * Builds the site once and deploys the same build with several data folders — the demo county,
 * none, hostile unit names, a village that moved, a future schema version — each served on its
 * own port.
 */
export async function setup(project: TestProject) {
	buildSite();
	const extracts = demoExtracts();
	const moved = movedExtracts();
	const sites = {
		demoUrl: extracts,
		emptyUrl: null,
		hostileUrl: hostileExtracts(),
		movedUrl: moved,
		futureUrl: futureExtracts(extracts)
	} as const;
	for (const [key, data] of Object.entries(sites)) {
		const server = await serveDir(deploySite(key.replace('Url', ''), data));
		servers.push(server);
		project.provide(key as keyof typeof sites, server.url);
	}
	project.provide('demoExtracts', extracts);
	project.provide('movedExtracts', moved);
	// the same build on the plain static servers a county has: no rewrite rules anywhere
	const root = deploySite('nginx-root', extracts);
	const sub = join(OUTPUT, 'sites', 'nginx-sub');
	rmSync(sub, { recursive: true, force: true });
	mkdirSync(sub, { recursive: true });
	cpSync(root, join(sub, 'kaoping'), { recursive: true });
	const atRoot = await startNginx(root, 'root');
	const atSub = await startNginx(sub, 'sub');
	const python = await startPython(root);
	stops.push(atRoot.stop, atSub.stop, python.stop);
	project.provide('nginxUrl', atRoot.url);
	project.provide('nginxSubUrl', `${atSub.url}/kaoping`);
	project.provide('pythonUrl', python.url);
}

const stops: (() => Promise<void>)[] = [];

export async function teardown() {
	await Promise.all([...servers.map((s) => s.close()), ...stops.map((stop) => stop())]);
}
