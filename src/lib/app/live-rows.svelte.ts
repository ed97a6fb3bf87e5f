import type { ViewQuery } from '../views/view-query';
import { appData, type AppData } from './app-data.svelte';

export interface LiveRows<T> {
	/** The latest rows; the previous ones stay while the next query runs, so charts don't flash. */
	rows: T[] | null;
	/** Key of the query `rows` answer: a view pairs rows only with the state that asked for them. */
	key: string | null;
	busy: boolean;
	error: string | null;
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
	const box = $state<LiveRows<T>>({ rows: null, key: null, busy: false, error: null });
	$effect(() => {
		const q = get();
		if (!q) return;
		let cancelled = false;
		box.busy = true;
		data.rows<T>(q).then(
			(rows) => {
				if (cancelled) return;
				box.rows = rows;
				box.key = q.key;
				box.busy = false;
				box.error = null;
				onrows?.(rows);
			},
			(e: Error) => {
				if (cancelled) return;
				box.error = e.message;
				box.busy = false;
			}
		);
		return () => (cancelled = true);
	});
	return box;
}
