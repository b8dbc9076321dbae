// Browser glue: the current job as the pages read it — one storage.session item, written only by
// the background (utils/background/job-store.ts), so a closed popup or a stopped worker loses nothing.

import { type Job, RUNNING_STATUSES } from './job';
import { storedValue } from './stored-value';

export const jobItem = storedValue<Job | null>('session:job', null);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const isTexts = (v: unknown) => Array.isArray(v) && v.every(isText);

/**
 * The pages' quick check of the stored job (small: it loads with the popup): every field the
 * pages use has the type they expect, or the reason it has not. The background and the import
 * rebuild jobs field by field with utils/job-shape.ts, which also caps lengths.
 */
export function jobShapeProblem(job: unknown): string | null {
  if (!isObject(job) || !isText(job.id) || ![...RUNNING_STATUSES, 'ready', 'error'].includes(job.status as never)) return 'no job';
  if (!isText(job.prompt) || typeof job.edited !== 'boolean') return 'malformed prompt';
  for (const key of ['model', 'negativePrompt']) if (!optional(job[key], isText)) return `${key} is not text`;
  for (const key of ['variations', 'variationNegatives']) if (!optional(job[key], isTexts)) return `${key} is not a list of texts`;
  // Types only: the tables of targets, styles, ratios and errors load later in the popup (and
  // every lookup in them falls back on an unknown id); the background rebuilds jobs field by field.
  for (const key of ['target', 'style', 'aspectRatio']) if (!optional(job[key], isText)) return 'malformed craft choice';
  if (!optional(job.variationCount, Number.isInteger)) return 'malformed takes';
  if (!optional(job.source, (v) => isObject(v) && isText(v.text))) return 'malformed source';
  if (!optional(job.error, (v) => isObject(v) && isText(v.kind))) return 'malformed error';
  if (!optional(job.waiting, (v) => isObject(v) && typeof v.until === 'number')) return 'malformed retry wait';
  return null;
}

/** The id of the stand-in shown for a stored job that is not a valid job. */
export const SET_ASIDE_JOB_ID = 'set-aside';

/**
 * The stored job as pages may use it: every field they use checked (utils/job-shape.ts). A value that
 * is not a valid job is set aside: pages get a finished stand-in that says so (no prompt, no
 * actions) instead of a shape that would break them; the next job replaces it.
 */
export function checkedJob(stored: unknown): Job | null {
  if (stored === null || stored === undefined) return null;
  const problem = jobShapeProblem(stored);
  if (!problem) return stored as Job;
  return {
    id: SET_ASIDE_JOB_ID,
    status: 'error',
    trigger: 'popup-text',
    createdAt: 0,
    updatedAt: 0,
    prompt: '',
    edited: false,
    error: { kind: 'damaged-job', detail: `The current job: ${problem}.` },
  };
}

export function readJob(): Promise<Job | null> {
  return jobItem.getValue().then(checkedJob);
}

export function watchJob(callback: (job: Job | null) => void): () => void {
  return jobItem.watch((job) => callback(checkedJob(job)));
}
