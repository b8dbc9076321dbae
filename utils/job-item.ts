// Browser glue: the current job as the pages read it — one storage.session item, written only by
// the background (utils/background/job-store.ts), so a closed popup or a stopped worker loses nothing.
import { storage } from 'wxt/utils/storage';
import type { Job } from './job';
import { parseJob } from './job-shape';

export const jobItem = storage.defineItem<Job | null>('session:job', { fallback: null });

/** The id of the stand-in shown for a stored job that is not a valid job. */
export const SET_ASIDE_JOB_ID = 'set-aside';

/**
 * The stored job as pages may use it: checked field by field (utils/job-shape.ts). A value that
 * is not a valid job is set aside: pages get a finished stand-in that says so (no prompt, no
 * actions) instead of a shape that would break them; the next job replaces it.
 */
export function checkedJob(stored: unknown): Job | null {
  if (stored === null || stored === undefined) return null;
  const parsed = parseJob(stored);
  if ('job' in parsed) return parsed.job;
  return {
    id: SET_ASIDE_JOB_ID,
    status: 'error',
    trigger: 'popup-text',
    createdAt: 0,
    updatedAt: 0,
    prompt: '',
    edited: false,
    error: { kind: 'damaged-job', detail: `The current job: ${parsed.problem}.` },
  };
}

export function readJob(): Promise<Job | null> {
  return jobItem.getValue().then(checkedJob);
}

export function watchJob(callback: (job: Job | null) => void): () => void {
  return jobItem.watch((job) => callback(checkedJob(job)));
}
