// Storage for the service worker, popup and CLI. The Node-only file cache is deliberately not
// re-exported here: import it from './file-cache' so that `node:` modules never reach the extension bundle.
export * from './cache';
export * from './memory-cache';
export * from './idb-cache';
export * from './db';
export * from './errors';
export * from './swr';
