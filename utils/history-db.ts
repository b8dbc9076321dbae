// Browser glue: history in IndexedDB, through `idb`: prompts, image details (with thumbnails) and image bytes
// in three stores, so the list never loads full images. Every context of the extension (worker,
// popup, side panel, options) opens the same database; tests run it on fake-indexeddb.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import {
  groupEntries,
  type HistoryCaps,
  type HistoryEntry,
  type HistoryUsage,
  type ImageMeta,
  type ImageWithBytes,
  type PromptRecord,
  planEviction,
  promptRecord,
  usageOf,
} from './history';
import type { Job } from './job';

export const HISTORY_DB = 'promptbrush-history';
const VERSION = 1;

interface HistorySchema extends DBSchema {
  prompts: { key: string; value: PromptRecord; indexes: { createdAt: number } };
  images: { key: string; value: ImageMeta; indexes: { jobId: string; createdAt: number } };
  imageBytes: { key: string; value: { id: string; bytes: Uint8Array } };
}

/** A history write that failed; `kind` is a row of the error table. */
export class HistoryError extends Error {
  constructor(
    readonly kind: 'storage-full' | 'too-large' | 'unknown',
    message: string,
  ) {
    super(message);
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

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw historyError(error);
  }
}

export interface ImportCounts {
  prompts: number;
  images: number;
  /** Records already in history (same id), left as they are. */
  skipped: number;
}

export class HistoryDb {
  constructor(private readonly db: IDBPDatabase<HistorySchema>) {}

  close(): void {
    this.db.close();
  }

  getPrompt(id: string): Promise<PromptRecord | undefined> {
    return this.db.get('prompts', id);
  }

  /** Adds or updates the record of a finished job (an edit or a retry updates it in place). */
  putPrompt(job: Job, now: number): Promise<PromptRecord> {
    return guarded(async () => {
      const tx = this.db.transaction('prompts', 'readwrite');
      const record = promptRecord(job, now, await tx.store.get(job.id));
      await tx.store.put(record);
      await tx.done;
      return record;
    });
  }

  addImage(image: ImageWithBytes): Promise<void> {
    return guarded(async () => {
      const { bytes, ...meta } = image;
      const tx = this.db.transaction(['images', 'imageBytes'], 'readwrite');
      await Promise.all([tx.objectStore('images').put(meta), tx.objectStore('imageBytes').put({ id: image.id, bytes }), tx.done]);
    });
  }

  async imageBytes(id: string): Promise<Uint8Array | undefined> {
    return (await this.db.get('imageBytes', id))?.bytes;
  }

  /** Every entry, newest first (no image bytes: thumbnails only). */
  async list(): Promise<HistoryEntry[]> {
    const tx = this.db.transaction(['prompts', 'images'], 'readonly');
    const [prompts, images] = await Promise.all([tx.objectStore('prompts').getAll(), tx.objectStore('images').getAll()]);
    return groupEntries(prompts, images);
  }

  async usage(): Promise<HistoryUsage> {
    return usageOf(await this.list());
  }

  /** Deletes entries (prompt, images and their bytes) by job id, in one transaction. */
  deleteEntries(jobIds: readonly string[]): Promise<void> {
    return guarded(async () => {
      if (jobIds.length === 0) return;
      const tx = this.db.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
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
    });
  }

  clear(): Promise<void> {
    return guarded(async () => {
      const tx = this.db.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
      await Promise.all([
        tx.objectStore('prompts').clear(),
        tx.objectStore('images').clear(),
        tx.objectStore('imageBytes').clear(),
        tx.done,
      ]);
    });
  }

  /** Deletes the oldest entries until both caps are met; returns the ids deleted. */
  async enforceCaps(caps: HistoryCaps, keep?: string): Promise<string[]> {
    const drop = planEviction(await this.list(), caps, keep);
    await this.deleteEntries(drop);
    return drop;
  }

  /** Everything, with image bytes, for the export file. */
  async exportAll(): Promise<{ prompts: PromptRecord[]; images: ImageWithBytes[] }> {
    const prompts = await this.db.getAllFromIndex('prompts', 'createdAt');
    const metas = await this.db.getAllFromIndex('images', 'createdAt');
    const images: ImageWithBytes[] = [];
    for (const meta of metas) {
      const bytes = await this.imageBytes(meta.id);
      if (bytes) images.push({ ...meta, bytes });
    }
    return { prompts, images };
  }

  /** Adds imported records; one that is already here (same id) is left alone and counted. */
  importRecords(prompts: readonly PromptRecord[], images: readonly ImageWithBytes[]): Promise<ImportCounts> {
    return guarded(async () => {
      const counts: ImportCounts = { prompts: 0, images: 0, skipped: 0 };
      const tx = this.db.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
      for (const prompt of prompts) {
        if (await tx.objectStore('prompts').getKey(prompt.id)) counts.skipped += 1;
        else {
          await tx.objectStore('prompts').add(prompt);
          counts.prompts += 1;
        }
      }
      for (const { bytes, ...meta } of images) {
        if (await tx.objectStore('images').getKey(meta.id)) counts.skipped += 1;
        else {
          await tx.objectStore('images').add(meta);
          await tx.objectStore('imageBytes').put({ id: meta.id, bytes });
          counts.images += 1;
        }
      }
      await tx.done;
      return counts;
    });
  }
}

/** Opens (and on first use creates) the database, through the context's own `indexedDB`. */
export async function openHistory(): Promise<HistoryDb> {
  if (typeof indexedDB === 'undefined') throw new HistoryError('unknown', 'This browser context has no IndexedDB.');
  return new HistoryDb(await guarded(() => openDB<HistorySchema>(HISTORY_DB, VERSION, { upgrade })));
}

function upgrade(db: IDBPDatabase<HistorySchema>): void {
  const prompts = db.createObjectStore('prompts', { keyPath: 'id' });
  prompts.createIndex('createdAt', 'createdAt');
  const images = db.createObjectStore('images', { keyPath: 'id' });
  images.createIndex('jobId', 'jobId');
  images.createIndex('createdAt', 'createdAt');
  db.createObjectStore('imageBytes', { keyPath: 'id' });
}

let shared: Promise<HistoryDb> | null = null;

/** One connection per context, opened on first use. */
export function sharedHistory(): Promise<HistoryDb> {
  shared ??= openHistory().catch((error) => {
    shared = null;
    throw error;
  });
  return shared;
}
