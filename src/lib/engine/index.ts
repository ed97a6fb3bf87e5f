// Browser only: planning code (src/lib/query, the assessment) must never import this folder.
export { createDataEngine } from './engine';
export type { DataEngine, DataEngineOptions, EngineProgress, EngineStatus } from './engine';
export { fetchBuffer } from './fetch';
export { ALWAYS_NEEDED, planLoad, type LoadedState, type TableNeed } from './plan';
export { createWasmConnector, type WasmConnector } from './wasm-connector';
export { decodeParquet } from './decoder';
