// History, as data: what is kept for every finished prompt and generated image, how entries are
// searched, and which ones go first when a cap is reached. Pure (the database's owner is
// utils/history-store.ts).
import { MB } from './bytes';
import { type Job, RUNNING_STATUSES } from './job';

export { formatBytes, MB } from './bytes';

/** A finished prompt: the whole job snapshot, so fields added to jobs later come along. */
export interface PromptRecord {
  /** The job's id: one record per job (a retry or an edit updates it). */
  id: string;
  createdAt: number;
  updatedAt: number;
  job: Job;
  /** Approximate stored size in bytes. */
  size: number;
}

export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];

/**
 * A generated image: the one record type for images, wherever they are kept — a row of the
 * history database (its bytes stored apart and read only when needed), a line of the list, an
 * export. The types below are projections of it.
 */
export interface ImageRecord {
  id: string;
  jobId: string;
  createdAt: number;
  mime: ImageMime;
  width: number;
  height: number;
  model: string;
  /** How it was drawn, where known (images made before backends have none of these). */
  backend?: string;
  seed?: number;
  /** The prompt and negative prompt the backend was sent. */
  prompt?: string;
  negativePrompt?: string;
  /** Bytes of the image itself (the thumbnail counts in `size` too). */
  byteLength: number;
  size: number;
  thumb?: { mime: string; bytes: Uint8Array };
}

/** An image with its bytes: what is exported and imported. */
export type ImageWithBytes = ImageRecord & { bytes: Uint8Array };

/** What the image generator hands to history (see addImage in utils/history-store.ts); checked there. */
export type NewImage = Pick<ImageRecord, 'width' | 'height' | 'model'> &
  Partial<Pick<ImageRecord, 'backend' | 'seed' | 'prompt' | 'negativePrompt'>> & {
    bytes: Uint8Array | ArrayBuffer;
    mime: string;
    createdAt?: number;
  };

/**
 * What the image run (storage.session) keeps of an image: its id in the history database and
 * how to show it, without the thumbnail. The id is a history image's, or that of transient
 * bytes in the same database (a streamed preview, or an image history refused).
 */
export type RunImage = Pick<ImageRecord, 'id' | 'width' | 'height'> & { mime: string; seed?: number };

/** One line of the history list: a job's prompt (if kept) and its images. */
export interface HistoryEntry {
  jobId: string;
  /** When the entry was made: its prompt's time, or its first image's. */
  createdAt: number;
  prompt?: PromptRecord;
  images: ImageRecord[];
  size: number;
}

export interface HistoryCaps {
  maxItems: number;
  maxBytes: number;
}

export interface HistoryUsage {
  entries: number;
  prompts: number;
  images: number;
  bytes: number;
}

export function capsFromSettings(settings: { historyMaxItems: number; historyMaxMB: number }): HistoryCaps {
  return { maxItems: settings.historyMaxItems, maxBytes: settings.historyMaxMB * MB };
}

/** A job worth keeping: its prompt is written (ready, or later steps such as an image). */
export function isRecordable(job: Job | null | undefined): job is Job {
  return !!job && job.status !== 'error' && !RUNNING_STATUSES.includes(job.status) && job.prompt.trim() !== '';
}

export function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

export function promptRecord(job: Job, now: number, previous?: PromptRecord): PromptRecord {
  return { id: job.id, createdAt: previous?.createdAt ?? now, updatedAt: now, job, size: byteSize(job) };
}

/** Groups prompts and images by job, newest first. */
export function groupEntries(prompts: readonly PromptRecord[], images: readonly ImageRecord[]): HistoryEntry[] {
  const entries = new Map<string, HistoryEntry>();
  for (const prompt of prompts) {
    entries.set(prompt.id, { jobId: prompt.id, createdAt: prompt.createdAt, prompt, images: [], size: prompt.size });
  }
  for (const image of [...images].sort((a, b) => a.createdAt - b.createdAt)) {
    let entry = entries.get(image.jobId);
    if (!entry) {
      entry = { jobId: image.jobId, createdAt: image.createdAt, images: [], size: 0 };
      entries.set(image.jobId, entry);
    }
    entry.images.push(image);
    entry.size += image.size;
  }
  return [...entries.values()].sort((a, b) => b.createdAt - a.createdAt || b.jobId.localeCompare(a.jobId));
}

export function usageOf(entries: readonly HistoryEntry[]): HistoryUsage {
  return {
    entries: entries.length,
    prompts: entries.filter((e) => e.prompt).length,
    images: entries.reduce((n, e) => n + e.images.length, 0),
    bytes: entries.reduce((n, e) => n + e.size, 0),
  };
}

/**
 * Which entries to delete, oldest first, so that what remains fits both caps. `keep` (the
 * entry just written) is never chosen.
 */
export function planEviction(entries: readonly HistoryEntry[], caps: HistoryCaps, keep?: string): string[] {
  let count = entries.length;
  let bytes = entries.reduce((n, e) => n + e.size, 0);
  const drop: string[] = [];
  const oldestFirst = [...entries].sort((a, b) => a.createdAt - b.createdAt || a.jobId.localeCompare(b.jobId));
  for (const entry of oldestFirst) {
    if (count <= caps.maxItems && bytes <= caps.maxBytes) break;
    if (entry.jobId === keep) continue;
    drop.push(entry.jobId);
    count -= 1;
    bytes -= entry.size;
  }
  return drop;
}

// A source image's thumbnail is a data URL: image bytes, not words.
const NOT_SEARCHED = new Set(['id', 'status', 'trigger', 'edited', 'thumbnail']);

/** Every piece of text in a job (selection, title, address, prompt, model, target, style…). */
export function jobText(value: unknown, key = ''): string[] {
  if (NOT_SEARCHED.has(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => jobText(item));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => jobText(v, k));
  return [];
}

export function entryText(entry: HistoryEntry): string {
  return [...(entry.prompt ? jobText(entry.prompt.job) : []), ...entry.images.map((image) => image.model)].join('\n').toLowerCase();
}

/** Entries whose text contains every word of the query (case-insensitive). */
export function searchEntries(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = entryText(entry);
    return words.every((word) => text.includes(word));
  });
}
