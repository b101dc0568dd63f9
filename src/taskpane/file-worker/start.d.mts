/** A dedicated worker running ./worker.ts (see start.js). */
export function startFileWorker(): Worker;
