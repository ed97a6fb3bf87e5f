/**
 * What a tile or panel says while the rows on screen answer an earlier state (another period) and
 * the new ones are on their way. Before the engine is ready that can take a minute on a slow
 * county link, so it says what it waits for — the engine — rather than showing the old period's
 * details or a bare "—".
 */
export type EngineState = 'idle' | 'loading' | 'ready' | 'error';
export type Waiting = 'engine' | 'computing' | null;

export function waitingFor(stale: boolean, engine: EngineState): Waiting {
	if (!stale) return null;
	// 'idle': the manifest is still being read and the engine has not started; 'error' is shown by
	// the query's own failure, which follows at once
	return engine === 'ready' || engine === 'error' ? 'computing' : 'engine';
}

/** The i18n key of the message for a waiting state. */
export const WAITING_MESSAGE = {
	engine: 'status.engineLoading',
	computing: 'tile.loading'
} as const;
