/**
 * The browser cannot run the engine at all (it lacks WebAssembly exception handling): unlike a
 * download that failed, trying again will not help, so the page says which browsers will.
 */
export class BrowserTooOld extends Error {}
