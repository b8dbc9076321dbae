// A job is one selection turned into a prompt: a small state machine, kept as plain data so the
// background can persist it in storage.session on every transition. Pure.
import type { AspectRatioId } from './aspect-ratios';
import type { CraftChoice } from './craft';
import type { JobError } from './errors';
import type { SourceImage } from './image-source';
import type { RetryWait } from './retry';
import type { StyleId } from './styles';
import type { TargetId } from './targets';

/** What the background's post-processing makes of the model's answer (utils/background/craft-answer.ts). */
export interface CraftedAnswer {
  /** The main prompt ('' when nothing usable came back). */
  prompt: string;
  negativePrompt?: string;
  /** Every take, when several were asked for (the first is also the main prompt). */
  variations?: string[];
  /** Stable Diffusion: each take's negative prompt, index for index. */
  variationNegatives?: string[];
}

export type JobStatus = 'capturing' | 'expanding' | 'ready' | 'error';

/** Where the text came from. */
export type JobTrigger = 'menu' | 'shortcut' | 'popup-selection' | 'popup-text' | 'popup-image';

export interface CapturedSource {
  /** Cleaned text sent to the model. */
  text: string;
  /** Length of the cleaned text before it was shortened to the limit. */
  originalLength: number;
  shortened: boolean;
  title?: string;
  url?: string;
  /** The nearest heading above the selection. */
  heading?: string;
  /** Surrounding text just before and after the selection (bounded, one line each). */
  before?: string;
  after?: string;
  /** Why page context is missing, when the page could not be read (shown in the popup). */
  contextNote?: string;
  /** An image source: what was sent (the text is then empty); the image itself is not kept here. */
  image?: SourceImage;
}

/** The tab (and frame) a job reads its text from, kept so that the reading can be retried. */
export interface TabTarget {
  tabId: number;
  frameId?: number;
  /** The browser's own copy of the selection (context menu), used where scripts cannot run. */
  selectionText?: string;
  /** The address of the image the person right-clicked (an image source). */
  srcUrl?: string;
}

export interface Job {
  id: string;
  status: JobStatus;
  trigger: JobTrigger;
  createdAt: number;
  updatedAt: number;
  /** Where the text is read from (menu, shortcut, "use selection"); absent for typed text. */
  tab?: TabTarget;
  source?: CapturedSource;
  /** Model that wrote (or is writing) the prompt. */
  model?: string;
  /** The prompt as shown and copied: streamed text, or the person's edit of it. */
  prompt: string;
  /** True once the person has edited the prompt by hand. */
  edited: boolean;
  error?: JobError;
  /** Prompt craft the job was written with (see utils/craft.ts); absent until it expands. */
  target?: TargetId;
  style?: StyleId;
  /** The chosen aspect ratio, "W:H" (a row of ASPECT_RATIOS in utils/aspect-ratios.ts). */
  aspectRatio?: AspectRatioId;
  /** Takes asked for: 1, or 2–6 for variations. */
  variationCount?: number;
  /** Stable Diffusion's separate negative prompt, as shown and copied. */
  negativePrompt?: string;
  /** Every take when variations were asked for; `prompt` is the one in use. */
  variations?: string[];
  /** Stable Diffusion: each take's negative prompt, index for index with `variations`. */
  variationNegatives?: string[];
  /** Set while the background waits to retry a rate-limited or failed request (popup countdown). */
  waiting?: RetryWait;
  /** The answer ran past its length cap: it was cut there, and the prompt made from what arrived. */
  cut?: boolean;
}

/** States in which the background is working on the job (lost if the worker stops). */
export const RUNNING_STATUSES: readonly JobStatus[] = ['capturing', 'expanding'];

export function isRunning(job: Job | null | undefined): boolean {
  return !!job && RUNNING_STATUSES.includes(job.status);
}

export function newJob(id: string, trigger: JobTrigger, now: number, tab?: TabTarget): Job {
  return { id, status: 'capturing', trigger, createdAt: now, updatedAt: now, prompt: '', edited: false, ...(tab ? { tab } : {}) };
}

/** Whether Retry can do anything: the text was captured, or the tab it comes from is known. */
export function canRetry(job: Job): boolean {
  return job.source !== undefined || job.tab !== undefined;
}

export function startExpanding(job: Job, source: CapturedSource, model: string, now: number, choice?: CraftChoice): Job {
  const { negativePrompt: _n, variations: _v, variationNegatives: _vn, cut: _c, ...rest } = job;
  return { ...rest, ...choice, status: 'expanding', source, model, prompt: '', edited: false, error: undefined, updatedAt: now };
}

export function appendDelta(job: Job, delta: string, now: number): Job {
  if (job.status !== 'expanding' || delta === '') return job;
  return { ...job, prompt: job.prompt + delta, updatedAt: now };
}

export function finishExpanding(
  job: Job,
  prompt: string,
  now: number,
  extras: Omit<CraftedAnswer, 'prompt'> & { cut?: boolean } = {},
): Job {
  return { ...job, ...extras, status: 'ready', prompt, error: undefined, updatedAt: now };
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

/**
 * Records what was captured as soon as it is known, before the model is even chosen, so that a
 * job interrupted at any later step can still be retried.
 */
export function attachSource(job: Job, source: CapturedSource, now: number): Job {
  return { ...job, source, updatedAt: now };
}

/**
 * A job taken back from history ("reuse"): the whole snapshot (whatever fields it carries) as
 * the current job, shown as finished. A snapshot saved mid-run cannot be resumed, so it is
 * shown as ready with the text it had.
 */
export function restoreJob(snapshot: Job, now: number): Job {
  const status = isRunning(snapshot) || snapshot.status === 'error' ? 'ready' : snapshot.status;
  return { ...snapshot, status, error: undefined, updatedAt: now };
}

export function editNegativePrompt(job: Job, negativePrompt: string, now: number): Job {
  if (isRunning(job) || job.negativePrompt === undefined) return job;
  return { ...job, negativePrompt, edited: true, updatedAt: now };
}

/** Makes one of the takes the main prompt (with its own negative prompt). */
export function chooseVariation(job: Job, index: number, now: number): Job {
  const prompt = job.variations?.[index];
  if (isRunning(job) || prompt === undefined) return job;
  const negativePrompt = job.variationNegatives?.[index];
  return { ...job, prompt, ...(negativePrompt !== undefined ? { negativePrompt } : {}), edited: false, updatedAt: now };
}

/** The request failed in a way worth retrying: the job keeps running, waiting until `wait.until`. */
export function waitToRetry(job: Job, wait: RetryWait | null, now: number): Job {
  if (!isRunning(job)) return job;
  if (wait === null) return job.waiting ? { ...job, waiting: undefined, updatedAt: now } : job;
  // A retry starts the answer again: text from a failed attempt would be repeated.
  return { ...job, waiting: wait, prompt: '', updatedAt: now };
}
