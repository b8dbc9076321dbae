// Browser glue: the one owner of history and image bytes — prompts, image records and bytes in one
// IndexedDB database (`promptbrush-history`, through `idb`). No other module opens it; every
// write here applies the caps and announces the change (utils/history-events.ts), and the
// background's writes report their failures to the person (history notice).
//
// Every context calls this module itself instead of asking the background over messages: Chrome
// JSON-serialises runtime messages, so image bytes and exports of hundreds of megabytes would
// travel as base64 and hit the 64 MiB message limit, while IndexedDB already serialises
// transactions between contexts. Pages list, read bytes, delete, clear, export and import; only
// the background records prompts and adds images (recordPrompt, addImage, keepRunImage, the
// transient bytes). Pages load it lazily: the popup does not at open (a size budget checks it).
//
// Transient bytes are byte records without an image row: a streamed preview, or a finished
// image that history refused (larger than its cap, storage full), so the popup still shows it.
// They belong to the latest image run and are cleared when the next run starts.
//
// The source image is the image the latest image-sourced job sent (its job keeps a thumbnail
// only), a byte record of its own, kept for Retry and Regenerate until the next such job.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { PromptbrushError } from './errors';
import {
  capsFromSettings,
  groupEntries,
  type HistoryCaps,
  type HistoryEntry,
  type HistoryUsage,
  IMAGE_MIME_TYPES,
  type ImageMime,
  type ImageRecord,
  type ImageWithBytes,
  isRecordable,
  type NewImage,
  type PromptRecord,
  planEviction,
  promptRecord,
  type RunImage,
  usageOf,
} from './history';
import { notifyHistoryChanged } from './history-events';
import { buildExport, drawnWith, MAX_IMAGE_BYTES, parseImport, sniffImage } from './history-file';
import type { ImportReport } from './history-import';
import { historyNoticeItem } from './history-notice';
import type { Job } from './job';
import { loadSettings } from './settings-store';
import { makeThumbnail } from './thumbnail';

const HISTORY_DB = 'promptbrush-history';
const VERSION = 1;

interface HistorySchema extends DBSchema {
  prompts: { key: string; value: PromptRecord; indexes: { createdAt: number } };
  images: { key: string; value: ImageRecord; indexes: { jobId: string; createdAt: number } };
  imageBytes: { key: string; value: { id: string; bytes: Uint8Array } };
}

type Db = IDBPDatabase<HistorySchema>;

/** A history write that failed: one of the error table's rows (storage-full or history-failed). */
export class HistoryError extends PromptbrushError {
  constructor(
    /** Why, in history's own terms; `kind` is the error table's row the person sees. */
    readonly reason: 'storage-full' | 'too-large' | 'unknown',
    message: string,
  ) {
    super(reason === 'storage-full' ? 'storage-full' : 'history-failed', message);
  }
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Turns what IndexedDB threw into a HistoryError the person can act on. */
export function historyError(error: unknown): HistoryError {
  if (error instanceof HistoryError) return error;
  if (isQuotaError(error)) {
    return new HistoryError('storage-full', 'The browser refused to store more: its storage for Promptbrush is full.');
  }
  return new HistoryError('unknown', (error as Error)?.message ?? String(error));
}

/** A connection that the browser or another context closed under us: worth one reopen. */
function isClosedConnection(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'InvalidStateError' || name === 'TransactionInactiveError' || (error as Error)?.message?.includes('closing') === true;
}

/**
 * Runs `work` on this context's connection; whatever it throws comes out as a HistoryError. A
 * connection found closed (the browser terminated it, or another context upgraded the database)
 * is reopened and the work retried once. A full disk is not retried: it is `storage-full`.
 */
async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await work(await connection());
  } catch (error) {
    if (isQuotaError(error) || !isClosedConnection(error)) throw historyError(error);
    forget();
    try {
      return await work(await connection());
    } catch (again) {
      throw historyError(again);
    }
  }
}

let shared: Promise<Db> | null = null;

/** Drops this context's connection (closed or closing): the next use opens a new one. */
function forget(): void {
  const open = shared;
  shared = null;
  void open?.then((db) => db.close()).catch(() => undefined);
}

/** How long an open may wait for another context to let go of an older version. */
const BLOCKED_MS = 10_000;

/**
 * One connection per context, opened (and on first use created) on first need. It yields to
 * others: when another context (a newer version of the extension) needs to upgrade the database,
 * this connection closes (`versionchange`) and the next use reopens; when the browser ends it
 * (`terminated`), the next use reopens too. An open held up by an older connection elsewhere
 * (`blocked`) gives up after a while with a message saying why. Exported for tests only.
 */
export function connection(): Promise<Db> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new HistoryError('unknown', 'This browser context has no IndexedDB.'));
  if (shared) return shared;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const opening = new Promise<Db>((resolve, reject) => {
    openDB<HistorySchema>(HISTORY_DB, VERSION, {
      upgrade,
      blocked: () => {
        blockedTimer = setTimeout(
          () =>
            reject(
              new HistoryError('unknown', 'History is held open by another Promptbrush page of an older version: close it and try again.'),
            ),
          BLOCKED_MS,
        );
      },
      blocking: () => {
        if (shared === opening) forget();
      },
      terminated: () => {
        if (shared === opening) shared = null;
      },
    }).then(resolve, reject);
  }).finally(() => clearTimeout(blockedTimer));
  shared = opening;
  opening.catch(() => {
    if (shared === opening) shared = null;
  });
  return opening;
}

function upgrade(db: Db): void {
  const prompts = db.createObjectStore('prompts', { keyPath: 'id' });
  prompts.createIndex('createdAt', 'createdAt');
  const images = db.createObjectStore('images', { keyPath: 'id' });
  images.createIndex('jobId', 'jobId');
  images.createIndex('createdAt', 'createdAt');
  db.createObjectStore('imageBytes', { keyPath: 'id' });
}

/** Closes this context's connection (tests that swap `indexedDB` call it). */
export async function closeHistory(): Promise<void> {
  const open = shared;
  shared = null;
  (await open?.catch(() => null))?.close();
}

const newId = () => crypto.randomUUID().replaceAll('-', '');
const asBytes = (bytes: Uint8Array | ArrayBuffer) => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));

// ── Reading (any context) ─────────────────────────────────────────────────────────────────────

/** Every entry, newest first (no image bytes: thumbnails only). */
export function listHistory(): Promise<HistoryEntry[]> {
  return withDb(async (db) => {
    const tx = db.transaction(['prompts', 'images'], 'readonly');
    const [prompts, images] = await Promise.all([tx.objectStore('prompts').getAll(), tx.objectStore('images').getAll()]);
    return groupEntries(prompts, images);
  });
}

export async function historyUsage(): Promise<HistoryUsage> {
  return usageOf(await listHistory());
}

export function getPrompt(id: string): Promise<PromptRecord | undefined> {
  return withDb((db) => db.get('prompts', id));
}

/** The bytes of a history image or of transient bytes, by id. */
export function imageBytes(id: string): Promise<Uint8Array | undefined> {
  return withDb(async (db) => (await db.get('imageBytes', id))?.bytes);
}

// ── Deleting, export and import (the pages, on the person's request) ────────────────────────────

async function deleteIn(db: Db, jobIds: readonly string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const tx = db.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
  const images = tx.objectStore('images');
  const bytes = tx.objectStore('imageBytes');
  for (const jobId of jobIds) {
    await tx.objectStore('prompts').delete(jobId);
    for (const imageId of await images.index('jobId').getAllKeys(jobId)) {
      await images.delete(imageId);
      await bytes.delete(imageId);
    }
  }
  await tx.done;
}

/** Deletes the oldest entries until both caps are met (`keep` never goes); returns the ids deleted. */
async function capIn(db: Db, caps: HistoryCaps, keep?: string): Promise<string[]> {
  const tx = db.transaction(['prompts', 'images'], 'readonly');
  const [prompts, images] = await Promise.all([tx.objectStore('prompts').getAll(), tx.objectStore('images').getAll()]);
  const drop = planEviction(groupEntries(prompts, images), caps, keep);
  await deleteIn(db, drop);
  return drop;
}

/** Deletes entries (prompt, images and their bytes) by job id, in one transaction. */
export async function deleteEntries(jobIds: readonly string[]): Promise<void> {
  await withDb((db) => deleteIn(db, jobIds));
  notifyHistoryChanged();
}

/** Deletes every prompt and image of history (not the latest run's transient bytes). */
export async function clearHistory(): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
    const images = tx.objectStore('images');
    for (const id of await images.getAllKeys()) await tx.objectStore('imageBytes').delete(id);
    await Promise.all([tx.objectStore('prompts').clear(), images.clear(), tx.done]);
  });
  notifyHistoryChanged();
}

/** Applies caps now (lower caps saved in Settings); returns the job ids deleted. */
export async function enforceHistoryCaps(caps: HistoryCaps): Promise<string[]> {
  const dropped = await withDb((db) => capIn(db, caps));
  if (dropped.length > 0) notifyHistoryChanged();
  return dropped;
}

/** Everything, image bytes as base64, as the export file's text. */
export function exportHistory(now: Date): Promise<{ json: string; prompts: number; images: number }> {
  return withDb(async (db) => {
    const prompts = await db.getAllFromIndex('prompts', 'createdAt');
    const images: ImageWithBytes[] = [];
    for (const record of await db.getAllFromIndex('images', 'createdAt')) {
      const stored = await db.get('imageBytes', record.id);
      if (stored) images.push({ ...record, bytes: stored.bytes });
    }
    return { json: JSON.stringify(buildExport(prompts, images, now)), prompts: prompts.length, images: images.length };
  });
}

/**
 * Adds what an export file holds; a record already here (same id) is left alone and counted.
 * The caps are applied before anything is written: the oldest entries — already here or from the
 * file — that would not fit are left out (and the ones already here deleted first), so an import
 * larger than the caps never fills the disk and fails half-way.
 */
export async function importHistory(text: string): Promise<ImportReport | { error: string }> {
  const parsed = parseImport(text);
  if ('error' in parsed) return parsed;
  const caps = capsFromSettings(await loadSettings());
  const images: ImageWithBytes[] = [];
  for (const image of parsed.images) {
    const thumb = await makeThumbnail(image.bytes, image.mime);
    images.push({ ...image, size: image.bytes.length + (thumb?.bytes.length ?? 0), ...(thumb ? { thumb } : {}) });
  }
  const report = await withDb(async (db) => {
    const read = db.transaction(['prompts', 'images'], 'readonly');
    const [prompts, imageRows] = await Promise.all([read.objectStore('prompts').getAll(), read.objectStore('images').getAll()]);
    const known = new Set([...prompts.map((p) => `p:${p.id}`), ...imageRows.map((i) => `i:${i.id}`)]);
    const newPrompts = parsed.prompts.filter((p) => !known.has(`p:${p.id}`));
    const newImages = images.filter((i) => !known.has(`i:${i.id}`));
    const skipped = parsed.prompts.length - newPrompts.length + images.length - newImages.length;
    const drop = new Set(planEviction(groupEntries([...prompts, ...newPrompts], [...imageRows, ...newImages]), caps));
    await deleteIn(
      db,
      [...new Set([...prompts.map((p) => p.id), ...imageRows.map((i) => i.jobId)])].filter((id) => drop.has(id)),
    );
    const keptPrompts = newPrompts.filter((p) => !drop.has(p.id));
    const keptImages = newImages.filter((i) => !drop.has(i.jobId));
    const tx = db.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
    for (const prompt of keptPrompts) await tx.objectStore('prompts').add(prompt);
    for (const { bytes, ...record } of keptImages) {
      await tx.objectStore('images').add(record);
      await tx.objectStore('imageBytes').put({ id: record.id, bytes });
    }
    await tx.done;
    return { prompts: keptPrompts.length, images: keptImages.length, skipped, rejected: parsed.rejected, evicted: drop.size };
  });
  notifyHistoryChanged();
  return report;
}

// ── Recording (the background only) ────────────────────────────────────────────────────────────

async function report(what: string, error: unknown): Promise<never> {
  const failure = historyError(error);
  await historyNoticeItem
    .setValue({ kind: failure.kind === 'storage-full' ? 'storage-full' : 'history-failed', what, detail: failure.message, at: Date.now() })
    .catch(() => undefined);
  throw failure;
}

/** Stores (or updates) the snapshot of a finished job. Jobs still running or failed are ignored. */
export async function recordPrompt(job: Job): Promise<void> {
  if (!isRecordable(job)) return;
  try {
    const caps = capsFromSettings(await loadSettings());
    await withDb(async (db) => {
      const tx = db.transaction('prompts', 'readwrite');
      await tx.store.put(promptRecord(job, Date.now(), await tx.store.get(job.id)));
      await tx.done;
      await capIn(db, caps, job.id);
    });
    notifyHistoryChanged();
  } catch (error) {
    await report('the prompt', error);
  }
}

/** Checks, thumbnails and stores an image under its job, then applies the caps. Throws a HistoryError. */
async function storeImage(jobId: string, image: NewImage): Promise<string> {
  const bytes = asBytes(image.bytes);
  const mime = image.mime === 'image/jpg' ? 'image/jpeg' : image.mime;
  if (!(IMAGE_MIME_TYPES as readonly string[]).includes(mime) || sniffImage(bytes) !== mime) {
    throw new HistoryError('unknown', `The image is not a valid ${image.mime} file.`);
  }
  const caps = capsFromSettings(await loadSettings());
  if (bytes.length > Math.min(MAX_IMAGE_BYTES, caps.maxBytes)) {
    throw new HistoryError('too-large', `The image (${Math.round(bytes.length / 1024)} KB) is larger than the history size limit.`);
  }
  const thumb = await makeThumbnail(bytes, mime);
  const record: ImageRecord = {
    id: newId(),
    jobId,
    createdAt: image.createdAt ?? Date.now(),
    mime: mime as ImageMime,
    width: Math.round(image.width),
    height: Math.round(image.height),
    model: image.model,
    ...drawnWith(image as Record<string, unknown>),
    byteLength: bytes.length,
    size: bytes.length + (thumb?.bytes.length ?? 0),
    ...(thumb ? { thumb } : {}),
  };
  await withDb(async (db) => {
    const tx = db.transaction(['images', 'imageBytes'], 'readwrite');
    await Promise.all([tx.objectStore('images').put(record), tx.objectStore('imageBytes').put({ id: record.id, bytes }), tx.done]);
    await capIn(db, caps, jobId);
  });
  notifyHistoryChanged();
  return record.id;
}

/** Stores a generated image for a job; returns the image's id. A failure is reported, then thrown (a HistoryError). */
export async function addImage(jobId: string, image: NewImage): Promise<string> {
  try {
    return await storeImage(jobId, image);
  } catch (error) {
    return report('an image', error);
  }
}

/**
 * A finished image of the image run, written once: into history, or — when history refuses it
 * (its own notice says why) — as transient bytes, so the popup still shows it. Returns what the
 * run keeps. Throws only when even the transient bytes cannot be written.
 */
export async function keepRunImage(jobId: string, image: NewImage & { bytes: Uint8Array }, transientId: string): Promise<RunImage> {
  const shown = {
    mime: image.mime,
    width: Math.round(image.width),
    height: Math.round(image.height),
    ...(Number.isInteger(image.seed) ? { seed: image.seed } : {}),
  };
  try {
    return { id: await addImage(jobId, image), ...shown };
  } catch {
    await putTransientBytes(transientId, image.bytes);
    return { id: transientId, ...shown };
  }
}

/** Bytes the latest run shows without a history row (a streamed preview, a refused image). */
export function putTransientBytes(id: string, bytes: Uint8Array): Promise<void> {
  return withDb(async (db) => {
    await db.put('imageBytes', { id, bytes });
  });
}

/** Drops every byte record without an image row: the previous run's previews and refused images (not the source image). */
export function clearTransientBytes(): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction(['images', 'imageBytes'], 'readwrite');
    const kept = new Set(await tx.objectStore('images').getAllKeys());
    for (const id of await tx.objectStore('imageBytes').getAllKeys()) {
      if (!kept.has(id) && !id.startsWith(SOURCE_PREFIX)) await tx.objectStore('imageBytes').delete(id);
    }
    await tx.done;
  });
}

const SOURCE_PREFIX = 'source-';

/** Keeps the image a job sent (replacing the previous job's): Retry and Regenerate send it again. */
export function putSourceImage(jobId: string, bytes: Uint8Array): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction('imageBytes', 'readwrite');
    for (const id of await tx.store.getAllKeys(IDBKeyRange.bound(SOURCE_PREFIX, `${SOURCE_PREFIX}\uffff`))) await tx.store.delete(id);
    await tx.store.put({ id: `${SOURCE_PREFIX}${jobId}`, bytes });
    await tx.done;
  });
}

/** The image the job sent, while it is the latest image job's; undefined after. */
export function sourceImageBytes(jobId: string): Promise<Uint8Array | undefined> {
  return imageBytes(`${SOURCE_PREFIX}${jobId}`);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Adds an image unless history already holds one with identical bytes (moving images an older
 * version kept elsewhere, again and again if need be, adds each once). Throws a HistoryError.
 */
export async function adoptImage(jobId: string, image: NewImage): Promise<{ id: string; added: boolean }> {
  const bytes = asBytes(image.bytes);
  const same = await withDb(async (db) => {
    for (const record of await db.getAll('images')) {
      if (record.byteLength !== bytes.length) continue;
      const stored = await db.get('imageBytes', record.id);
      if (stored && sameBytes(stored.bytes, bytes)) return record.id;
    }
    return undefined;
  });
  if (same) return { id: same, added: false };
  return { id: await storeImage(jobId, { ...image, bytes }), added: true };
}
