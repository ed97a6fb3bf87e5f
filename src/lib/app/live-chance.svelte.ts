import type { Assessment, Unit } from '../assess';
import type { UnitChance } from '../assess/chance';
import type { Config } from '../config';
import type { Scheme } from '../config/scheme';
import type { ChanceJob, ChanceResponse } from './chance-job';
import { ChancePool, poolSize } from './chance-pool';

let pool: ChancePool | null = null;
let next = 0;

/** The page's chance workers, started on first use and kept for the page's life. */
function chancePool(): ChancePool {
	pool ??= new ChancePool(
		Array.from({ length: poolSize(navigator.hardwareConcurrency) }, () => {
			const worker = new Worker(new URL('./chance-worker.ts', import.meta.url), {
				type: 'module'
			});
			return {
				post: (message, transfer = []) => worker.postMessage(message, transfer),
				listen: (handler: (m: ChanceResponse) => void) => {
					const listener = (e: MessageEvent<ChanceResponse>) => handler(e.data);
					worker.addEventListener('message', listener);
					return () => worker.removeEventListener('message', listener);
				}
			};
		})
	);
	return pool;
}

/**
 * The rank intervals and funnel places of the assessment on screen, computed in a worker; null
 * until they arrive (the official ranking never waits for them).
 */
export function liveChance(
	config: () => Config,
	input: () => { assessment: Assessment; scheme: Scheme; units: readonly Unit[] } | null
): { readonly chance: Map<string, UnitChance> | null } {
	let chance = $state.raw<Map<string, UnitChance> | null>(null);
	$effect(() => {
		const i = input();
		chance = null;
		if (!i) return;
		const id = ++next;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup built and dropped here
		const parents = new Map(i.units.map((u) => [u.code, u.parent_code]));
		// ranked together = the same county: a township's parent, a village's grandparent
		const groups: [string, string][] = i.assessment.units.map((u) => [
			u.code,
			(i.assessment.level === 'village' ? parents.get(u.parent_code ?? '') : u.parent_code) ?? ''
		]);
		const job: ChanceJob = {
			id,
			assessment: JSON.stringify(i.assessment),
			scheme: $state.snapshot(i.scheme) as Scheme,
			catalog: config().catalog,
			period: i.assessment.period,
			groups
		};
		let live = true;
		chancePool()
			.run(job)
			.then((result) => {
				if (live) chance = result;
			});
		return () => {
			live = false;
		};
	});
	return {
		get chance() {
			return chance;
		}
	};
}
