import type { ViewQuery } from '../views/view-query';
import { appData, type AppData } from './app-data.svelte';

export interface LiveRows<T> {
	/** The latest rows; the previous ones stay while the next query runs, so charts don't flash. */
	readonly rows: T[] | null;
	/** Key of the query `rows` answer: a view pairs rows only with the state that asked for them. */
	readonly key: string | null;
	readonly busy: boolean;
	readonly error: string | null;
}

/**
 * Rows of a view query that follow the query: whenever `get()` returns another query (the URL
 * changed), it runs — precomputed or in DuckDB — and a stale answer never overwrites a newer one.
 * Call during component initialisation.
 */
export function liveRows<T>(
	get: () => ViewQuery | null,
	onrows?: (rows: T[]) => void,
	data: AppData = appData
): LiveRows<T> {
	// `$state.raw`, not `$state`: a deep proxy wrapped every row, and every field read of every
	// row went through it (thousands at the township level): the trends page's first switch to
	// the village level took 206 ms instead of 119. Rows are answers, replaced whole, never
	// edited in place.
	let rows = $state.raw<T[] | null>(null);
	let key = $state.raw<string | null>(null);
	let busy = $state(false);
	let error = $state.raw<string | null>(null);
	$effect(() => {
		const q = get();
		if (!q) return;
		let cancelled = false;
		busy = true;
		data.rows<T>(q).then(
			(answer) => {
				if (cancelled) return;
				rows = answer;
				key = q.key;
				busy = false;
				error = null;
				onrows?.(answer);
			},
			(e: Error) => {
				if (cancelled) return;
				error = e.message;
				busy = false;
			}
		);
		return () => (cancelled = true);
	});
	return {
		get rows() {
			return rows;
		},
		get key() {
			return key;
		},
		get busy() {
			return busy;
		},
		get error() {
			return error;
		}
	};
}
