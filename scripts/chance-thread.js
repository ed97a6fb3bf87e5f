// Node worker threads do not inherit tsx's loader: load the TypeScript thread through its API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./chance-thread.ts', import.meta.url);
