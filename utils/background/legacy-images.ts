// Browser glue: moves the images an older version kept in an IndexedDB database of their own
// (`promptbrush-images`: the latest image run's images, one Blob per key `<runId>-<index>`, and
// its streamed previews `<runId>-partial-<index>`) into history, then deletes that database.
//
// It runs at every worker start: an update starts the worker, and a move cut short by a stopped
// worker is finished at the next start. When the old database is absent it costs one open
// request that creates nothing. Running it again adds nothing: an image whose bytes history
// already holds (the older version wrote every image to both databases) is left alone; one that
// history lacks (it had refused it, or lost it) is added with its model, size and time. Previews
// were never images the person got, so they are dropped.
import { adoptImage } from '../history-store';
import { readImageRun } from '../image-run-item';

export const LEGACY_IMAGES_DB = 'promptbrush-images';
const STORE = 'images';

/** A record as the older version wrote it. */
interface LegacyImage {
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  model: string;
  createdAt: number;
}

export interface LegacyMove {
  /** Added to history. */
  added: number;
  /** Already in history with identical bytes. */
  kept: number;
  /** Previews, and images history cannot take (not an image, larger than its cap). */
  dropped: number;
}

/** The old database, if it exists; opening never creates it. */
function openIfPresent(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let absent = false;
    const request = indexedDB.open(LEGACY_IMAGES_DB);
    request.onupgradeneeded = () => {
      // Version 0: there was no such database. Aborting leaves none behind.
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      if (absent) resolve(null);
      else reject(request.error);
    };
  });
}

function readAll(db: IDBDatabase): Promise<[IDBValidKey, LegacyImage][]> {
  return new Promise((resolve, reject) => {
    if (!db.objectStoreNames.contains(STORE)) return resolve([]);
    const store = db.transaction(STORE, 'readonly').objectStore(STORE);
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => resolve(keys.result.map((key, i) => [key, values.result[i] as LegacyImage]));
    values.onerror = () => reject(values.error);
  });
}

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(LEGACY_IMAGES_DB);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function move(): Promise<LegacyMove | null> {
  const db = await openIfPresent();
  if (!db) return null;
  let records: [IDBValidKey, LegacyImage][];
  try {
    records = await readAll(db);
  } finally {
    db.close();
  }
  // The run that showed them, if this browser session still has it, names their job.
  const run = await readImageRun().catch(() => null);
  const counts: LegacyMove = { added: 0, kept: 0, dropped: 0 };
  let full = false;
  for (const [key, image] of records) {
    const runId = String(key).match(/^(.+)-(\d+)$/)?.[1];
    if (!runId || runId.endsWith('-partial') || !(image?.blob instanceof Blob)) {
      counts.dropped += 1;
      continue;
    }
    try {
      const bytes = new Uint8Array(await image.blob.arrayBuffer());
      const jobId = run?.id === runId ? run.jobId : runId;
      const { mime, width, height, model, createdAt } = image;
      const { added } = await adoptImage(jobId, { bytes, mime, width, height, model, createdAt });
      counts[added ? 'added' : 'kept'] += 1;
    } catch (error) {
      counts.dropped += 1;
      // A full disk is not the image's fault: keep the old database and try again next start.
      if ((error as { kind?: string }).kind === 'storage-full') full = true;
    }
  }
  if (!full) await deleteDatabase();
  return counts;
}

let moving: Promise<LegacyMove | null> | null = null;

/** Moves the older version's images into history; null when there was nothing to move. One move at a time. */
export function moveLegacyImages(): Promise<LegacyMove | null> {
  moving ??= move().finally(() => {
    moving = null;
  });
  return moving;
}
