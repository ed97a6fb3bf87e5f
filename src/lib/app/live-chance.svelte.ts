import type { Assessment, Unit } from '../assess';
import type { UnitChance } from '../assess/chance';
import type { Config } from '../config';
import type { Scheme } from '../config/scheme';
import type { ChanceRequest, ChanceResponse } from './chance-worker';

let worker: Worker | null = null;
let next = 0;

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
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the worker's module URL, not state
		worker ??= new Worker(new URL('./chance-worker.ts', import.meta.url), { type: 'module' });
		const id = ++next;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup built and dropped here
		const parents = new Map(i.units.map((u) => [u.code, u.parent_code]));
		// ranked together = the same county: a township's parent, a village's grandparent
		const groups: [string, string][] = i.assessment.units.map((u) => [
			u.code,
			(i.assessment.level === 'village' ? parents.get(u.parent_code ?? '') : u.parent_code) ?? ''
		]);
		const request: ChanceRequest = {
			id,
			assessment: JSON.stringify(i.assessment),
			scheme: $state.snapshot(i.scheme) as Scheme,
			catalog: config().catalog,
			period: i.assessment.period,
			groups
		};
		const onmessage = (e: MessageEvent<ChanceResponse>) => {
			// replaced whole, never mutated: $state.raw tracks the assignment
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			if (e.data.id === id) chance = new Map(e.data.chance);
		};
		worker.addEventListener('message', onmessage);
		worker.postMessage(request);
		return () => worker?.removeEventListener('message', onmessage);
	});
	return {
		get chance() {
			return chance;
		}
	};
}
