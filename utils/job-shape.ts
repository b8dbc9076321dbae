// What a job may look like when it comes from outside this run — an imported history file, or
// storage.session after an update: every field whitelisted with its type and a length cap.
// Unknown fields are dropped; a field of the wrong type rejects the whole job with a reason. Pure.
import { isAspectRatioId } from './aspect-ratios';
import { clampVariationCount, VARIATION_RANGE } from './craft';
import { isErrorKind } from './error-kinds';
import type { JobError } from './errors';
import { IMAGE_VIA, type ImageVia, MAX_THUMB_CHARS, type SourceImage } from './image-source';
import type { CapturedSource, Job, JobStatus, JobTrigger, TabTarget } from './job';
import type { RetryWait } from './retry';
import { isStyleId } from './styles';
import { isTargetId } from './targets';

/** Longest prompt (and negative prompt, and take) a job may hold: the protocol's edit limit. */
export const MAX_JOB_PROMPT_CHARS = 100_000;
/** Longest captured text: the highest "longest selection sent" setting. */
const MAX_SOURCE_CHARS = 100_000;
/** The browser's own copy of a selection is kept whole (the protocol's limit for any text). */
const MAX_SELECTION_CHARS = 2_000_000;
/** A title, address (with its query), heading or note: the capture bounds them well below this. */
const MAX_LINE_CHARS = 5_000;

const STATUSES: readonly JobStatus[] = ['capturing', 'expanding', 'ready', 'error'];
const TRIGGERS: readonly JobTrigger[] = ['menu', 'shortcut', 'popup-selection', 'popup-text', 'popup-image'];

/**
 * Every field of a job and of its source, each with a rule below: a field added to Job or
 * CapturedSource without one fails the type check here (and tests/unit/job-shape.test.ts).
 */
export const JOB_FIELDS = {
  id: true,
  status: true,
  trigger: true,
  createdAt: true,
  updatedAt: true,
  tab: true,
  source: true,
  model: true,
  prompt: true,
  edited: true,
  error: true,
  target: true,
  style: true,
  aspectRatio: true,
  variationCount: true,
  negativePrompt: true,
  variations: true,
  variationNegatives: true,
  waiting: true,
  cut: true,
} as const satisfies Record<keyof Job, true>;

export const SOURCE_FIELDS = {
  text: true,
  originalLength: true,
  shortened: true,
  title: true,
  url: true,
  heading: true,
  before: true,
  after: true,
  contextNote: true,
  image: true,
} as const satisfies Record<keyof CapturedSource, true>;

export const TAB_FIELDS = { tabId: true, frameId: true, selectionText: true, srcUrl: true } as const satisfies Record<
  keyof TabTarget,
  true
>;

export const IMAGE_FIELDS = {
  via: true,
  width: true,
  height: true,
  mime: true,
  bytes: true,
  originalWidth: true,
  originalHeight: true,
  thumbnail: true,
  srcUrl: true,
  name: true,
} as const satisfies Record<keyof SourceImage, true>;

type Raw = Record<string, unknown>;
/** Thrown inside the parser with the reason; caught at its edge. */
class Reject extends Error {}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') throw new Reject(`${name} is not text`);
  if (value.length > max)
    throw new Reject(`${name} is too long (${value.length.toLocaleString('en')} characters, at most ${max.toLocaleString('en')})`);
  return value;
}

/** An optional field: absent stays absent, present must be right. */
function opt<T>(raw: Raw, key: string, read: (value: unknown) => T): { [k: string]: T } {
  return raw[key] === undefined ? {} : { [key]: read(raw[key]) };
}

function oneOf<T extends string>(value: unknown, name: string, allowed: (v: unknown) => v is T): T {
  if (!allowed(value)) throw new Reject(`unknown ${name}`);
  return value;
}

function texts(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.length > 10) throw new Reject(`${name} is not a list of at most 10 texts`);
  return value.map((item) => text(item, name, MAX_JOB_PROMPT_CHARS));
}

const isSide = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 100_000;

function sourceImage(value: unknown): SourceImage {
  if (!isObject(value)) throw new Reject('malformed source image');
  const sides = [value.width, value.height, value.originalWidth, value.originalHeight];
  if (!sides.every(isSide) || !isCount(value.bytes)) throw new Reject('malformed source image');
  return {
    via: oneOf(value.via, 'image source', (v): v is ImageVia => (IMAGE_VIA as readonly unknown[]).includes(v)),
    width: value.width as number,
    height: value.height as number,
    mime: text(value.mime, 'image type', 100),
    bytes: value.bytes,
    originalWidth: value.originalWidth as number,
    originalHeight: value.originalHeight as number,
    thumbnail: text(value.thumbnail, 'thumbnail', MAX_THUMB_CHARS),
    ...opt(value, 'srcUrl', (v) => text(v, 'image address', MAX_LINE_CHARS)),
    ...opt(value, 'name', (v) => text(v, 'file name', 500)),
  };
}

function source(value: unknown): CapturedSource {
  if (!isObject(value)) throw new Reject('malformed source');
  if (!isCount(value.originalLength) || typeof value.shortened !== 'boolean') throw new Reject('malformed source');
  const line = (key: string) => opt(value, key, (v) => text(v, `source ${key}`, MAX_LINE_CHARS));
  return {
    text: text(value.text, 'source text', MAX_SOURCE_CHARS),
    originalLength: value.originalLength,
    shortened: value.shortened,
    ...line('title'),
    ...line('url'),
    ...line('heading'),
    ...line('before'),
    ...line('after'),
    ...line('contextNote'),
    ...opt(value, 'image', sourceImage),
  };
}

function tab(value: unknown): TabTarget {
  if (!isObject(value) || !isCount(value.tabId)) throw new Reject('malformed tab');
  return {
    tabId: value.tabId,
    ...opt(value, 'frameId', (v) => {
      if (!isCount(v)) throw new Reject('malformed tab');
      return v;
    }),
    ...opt(value, 'selectionText', (v) => text(v, 'selection', MAX_SELECTION_CHARS)),
    ...opt(value, 'srcUrl', (v) => text(v, 'image address', MAX_LINE_CHARS)),
  };
}

function jobError(value: unknown): JobError {
  if (!isObject(value)) throw new Reject('malformed error');
  return {
    kind: oneOf(value.kind, 'error kind', isErrorKind),
    ...opt(value, 'detail', (v) => text(v, 'error detail', MAX_LINE_CHARS)),
    ...opt(value, 'retryAfterSeconds', (v) => {
      if (!isCount(v)) throw new Reject('malformed error');
      return v;
    }),
  };
}

function waiting(value: unknown): RetryWait {
  if (!isObject(value) || !isCount(value.attempt) || !isCount(value.maxAttempts) || !isTime(value.until)) {
    throw new Reject('malformed retry wait');
  }
  return { kind: oneOf(value.kind, 'error kind', isErrorKind), attempt: value.attempt, maxAttempts: value.maxAttempts, until: value.until };
}

function flag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw new Reject(`${name} is not true or false`);
  return value;
}

function variationCount(value: unknown): number {
  if (!Number.isInteger(value) || clampVariationCount(value) !== value) {
    throw new Reject(`takes must be 1 or ${VARIATION_RANGE.min}–${VARIATION_RANGE.max}`);
  }
  return value as number;
}

function build(raw: unknown): Job {
  if (!isObject(raw)) throw new Reject('no job');
  if (!isId(raw.id)) throw new Reject('missing or malformed job id');
  if (!isTime(raw.createdAt) || !isTime(raw.updatedAt)) throw new Reject('missing times');
  return {
    id: raw.id,
    status: oneOf(raw.status, 'job status', (v): v is JobStatus => STATUSES.includes(v as JobStatus)),
    trigger: oneOf(raw.trigger, 'trigger', (v): v is JobTrigger => TRIGGERS.includes(v as JobTrigger)),
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    prompt: text(raw.prompt, 'prompt', MAX_JOB_PROMPT_CHARS),
    edited: flag(raw.edited, 'edited'),
    ...opt(raw, 'tab', tab),
    ...opt(raw, 'source', source),
    ...opt(raw, 'model', (v) => text(v, 'model', 200)),
    ...opt(raw, 'error', jobError),
    ...opt(raw, 'target', (v) => oneOf(v, 'target', isTargetId)),
    ...opt(raw, 'style', (v) => oneOf(v, 'style', isStyleId)),
    ...opt(raw, 'aspectRatio', (v) => oneOf(v, 'aspect ratio', isAspectRatioId)),
    ...opt(raw, 'variationCount', variationCount),
    ...opt(raw, 'negativePrompt', (v) => text(v, 'negative prompt', MAX_JOB_PROMPT_CHARS)),
    ...opt(raw, 'variations', (v) => texts(v, 'variations')),
    ...opt(raw, 'variationNegatives', (v) => texts(v, 'variation negatives')),
    ...opt(raw, 'waiting', waiting),
    ...opt(raw, 'cut', (v) => flag(v, 'cut')),
  };
}

/** The job, rebuilt from its whitelisted fields only, or the reason it cannot be one. */
export function parseJob(raw: unknown): { job: Job } | { problem: string } {
  try {
    return { job: build(raw) };
  } catch (error) {
    if (error instanceof Reject) return { problem: error.message };
    throw error;
  }
}
