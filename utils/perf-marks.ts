// Names of the performance marks that `npm run bench` reads (tests/bench/). Pure: `performance`
// is a web platform global in pages, workers and Node alike. A mark is one timeline entry.
export const PERF_MARKS = {
  /** The popup's first render that shows a job (the current or last one). */
  jobRendered: 'promptbrush:job-rendered',
  /** The service worker has run its script and wired every listener. */
  workerReady: 'promptbrush:worker-ready',
} as const;

/** Records `name` once per document or worker; later calls keep the first time. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
