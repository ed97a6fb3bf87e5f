import type { TestProject } from 'vitest/node';
import { serveDir, type StaticServer } from './serve';
import { buildSite, demoExtracts, deploySite } from './site';

declare module 'vitest' {
	export interface ProvidedContext {
		demoUrl: string;
		emptyUrl: string;
	}
}

const servers: StaticServer[] = [];

/** Builds the site once, deploys it with the demo data and with none, and serves both. */
export async function setup(project: TestProject) {
	buildSite();
	const demo = await serveDir(deploySite('demo', demoExtracts()));
	const empty = await serveDir(deploySite('empty', null));
	servers.push(demo, empty);
	project.provide('demoUrl', demo.url);
	project.provide('emptyUrl', empty.url);
}

export async function teardown() {
	await Promise.all(servers.map((s) => s.close()));
}
