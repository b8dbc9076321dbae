// A job is one selection turned into a prompt: a small state machine, kept as plain data so the
// background can persist it in storage.session on every transition. Pure.
import type { ErrorKind } from './error-kinds';
import type { RetryWait } from './retry';

export type JobStatus = 'capturing' | 'expanding' | 'ready' | 'error';

/** Where the text came from. */
export type JobTrigger = 'menu' | 'shortcut' | 'popup-selection' | 'popup-text';

export interface CapturedSource {
  /** Cleaned text sent to the model. */
  text: string;
  /** Length of the cleaned text before it was shortened to the limit. */
  originalLength: number;
  shortened: boolean;
  title?: string;
  url?: string;
  /** Why page context is missing, when the page could not be read (shown in the popup). */
  contextNote?: string;
}

export interface JobError {
  kind: ErrorKind;
  /** Extra words from the provider, scrubbed of secrets. */
  detail?: string;
  retryAfterSeconds?: number;
}

export interface Job {
  id: string;
  status: JobStatus;
  trigger: JobTrigger;
  createdAt: number;
  updatedAt: number;
  source?: CapturedSource;
  /** Model that wrote (or is writing) the prompt. */
  model?: string;
  /** The prompt as shown and copied: streamed text, or the person's edit of it. */
  prompt: string;
  /** True once the person has edited the prompt by hand. */
  edited: boolean;
  error?: JobError;
  /** Set while the background waits to retry a rate-limited or failed request (popup countdown). */
  waiting?: RetryWait;
}

/** States in which the background is working on the job (lost if the worker stops). */
export const RUNNING_STATUSES: readonly JobStatus[] = ['capturing', 'expanding'];

export function isRunning(job: Job | null | undefined): boolean {
  return !!job && RUNNING_STATUSES.includes(job.status);
}

export function newJob(id: string, trigger: JobTrigger, now: number): Job {
  return { id, status: 'capturing', trigger, createdAt: now, updatedAt: now, prompt: '', edited: false };
}

export function startExpanding(job: Job, source: CapturedSource, model: string, now: number): Job {
  return { ...job, status: 'expanding', source, model, prompt: '', edited: false, error: undefined, updatedAt: now };
}

export function appendDelta(job: Job, delta: string, now: number): Job {
  if (job.status !== 'expanding' || delta === '') return job;
  return { ...job, prompt: job.prompt + delta, updatedAt: now };
}

export function finishExpanding(job: Job, prompt: string, now: number): Job {
  return { ...job, status: 'ready', prompt, error: undefined, updatedAt: now };
}

export function failJob(job: Job, error: JobError, now: number): Job {
  // The text written so far stays: a failure never throws away what the person can still use.
  return { ...job, status: 'error', error, updatedAt: now };
}

/** The worker started again and found this job unfinished: nobody is working on it any more. */
export function markInterrupted(job: Job, now: number): Job {
  return isRunning(job) ? failJob(job, { kind: 'interrupted' }, now) : job;
}

export function editPrompt(job: Job, prompt: string, now: number): Job {
  if (isRunning(job)) return job;
  return { ...job, prompt, edited: true, updatedAt: now };
}

/** The request failed in a way worth retrying: the job keeps running, waiting until `wait.until`. */
export function waitToRetry(job: Job, wait: RetryWait | null, now: number): Job {
  if (!isRunning(job)) return job;
  if (wait === null) return job.waiting ? { ...job, waiting: undefined, updatedAt: now } : job;
  // A retry starts the answer again: text from a failed attempt would be repeated.
  return { ...job, waiting: wait, prompt: '', updatedAt: now };
}
