// Browser glue: the current job as the pages read it — one storage.session item, written only by
// the background (utils/background/job-store.ts), so a closed popup or a stopped worker loses nothing.
import { storage } from 'wxt/utils/storage';
import type { Job } from './job';

export const jobItem = storage.defineItem<Job | null>('session:job', { fallback: null });

export function readJob(): Promise<Job | null> {
  return jobItem.getValue();
}

export function watchJob(callback: (job: Job | null) => void): () => void {
  return jobItem.watch((job) => callback(job));
}
