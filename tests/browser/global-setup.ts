import type { TestProject } from 'vitest/node';
import { serveDir, type StaticServer } from './serve';
import { buildSite, demoExtracts, deploySite, futureExtracts, hostileExtracts } from './site';

declare module 'vitest' {
	export interface ProvidedContext {
		demoUrl: string;
		emptyUrl: string;
		hostileUrl: string;
		futureUrl: string;
		demoExtracts: string;
	}
}

const servers: StaticServer[] = [];

/**
 * Builds the site once and deploys the same build with several data folders — the demo county,
 * none, hostile unit names, a future schema version — each served on its own port.
 */
export async function setup(project: TestProject) {
	buildSite();
	const extracts = demoExtracts();
	const sites = {
		demoUrl: extracts,
		emptyUrl: null,
		hostileUrl: hostileExtracts(),
		futureUrl: futureExtracts(extracts)
	} as const;
	for (const [key, data] of Object.entries(sites)) {
		const server = await serveDir(deploySite(key.replace('Url', ''), data));
		servers.push(server);
		project.provide(key as keyof typeof sites, server.url);
	}
	project.provide('demoExtracts', extracts);
}

export async function teardown() {
	await Promise.all(servers.map((s) => s.close()));
}
