// Worker entry in plain JavaScript: registers tsx in this thread, then runs the TypeScript
// reader. Loader hooks of the main thread do not reach worker threads on every Node version.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
