/* global Worker, URL */
/**
 * Starts the file worker. Kept in plain JavaScript because webpack's worker
 * syntax needs import.meta.url, which the CommonJS type-check of src cannot
 * parse; start.d.mts gives it its type.
 */
export function startFileWorker() {
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "workbook-file" });
}
