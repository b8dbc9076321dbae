// Upgrade from the layout an older version wrote: images in a database of their own
// (`promptbrush-images`) as well as in history. Moving them leaves every image in history exactly
// once and the old database gone, however often it runs.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LEGACY_IMAGES_DB, moveLegacyImages } from '../../utils/background/legacy-images';
import { closeHistory, imageBytes, listHistory } from '../../utils/history-store';
import { imageRunItem } from '../../utils/image-run-item';

const png = (fill: number, length = 64) => {
  const bytes = new Uint8Array(length).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};
const KEPT = png(1); // in both databases, as the older version wrote every image
const REFUSED = png(2); // only in the old one: history had refused it
const PREVIEW = png(3);
const RUN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const req = indexedDB.open(name, version);
  req.onupgradeneeded = () => upgrade(req.result);
  return request(req);
}

async function write(db: IDBDatabase, store: string, records: [unknown, IDBValidKey?][]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  for (const [value, key] of records) tx.objectStore(store).put(value, key);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}

/** History as the older version wrote it (schema version 1): a prompt and one image with its bytes. */
async function writeOldHistory(): Promise<void> {
  const db = await open('promptbrush-history', 1, (created) => {
    created.createObjectStore('prompts', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    const images = created.createObjectStore('images', { keyPath: 'id' });
    images.createIndex('jobId', 'jobId');
    images.createIndex('createdAt', 'createdAt');
    created.createObjectStore('imageBytes', { keyPath: 'id' });
  });
  const job = { id: 'fox', status: 'ready', trigger: 'menu', createdAt: 1, updatedAt: 2, prompt: 'A fox', edited: false };
  await write(db, 'prompts', [[{ id: 'fox', createdAt: 10, updatedAt: 10, job, size: 100 }]]);
  const meta = { id: 'h1', jobId: 'fox', createdAt: 20, mime: 'image/png', width: 8, height: 8, model: 'fake-image-2' };
  await write(db, 'images', [[{ ...meta, byteLength: KEPT.length, size: KEPT.length }]]);
  await write(db, 'imageBytes', [[{ id: 'h1', bytes: KEPT }]]);
  db.close();
}

/** The older version's own image database: the latest run's images and preview, one Blob per key. */
async function writeOldImages(): Promise<void> {
  const db = await open(LEGACY_IMAGES_DB, 1, (created) => created.createObjectStore('images'));
  const stored = (bytes: Uint8Array, createdAt: number) => ({
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    mime: 'image/png',
    width: 8,
    height: 8,
    model: 'fake-image-2',
    createdAt,
  });
  await write(db, 'images', [
    [stored(PREVIEW, 19), `${RUN}-partial-0`],
    [stored(KEPT, 20), `${RUN}-0`],
    [stored(REFUSED, 21), `${RUN}-1`],
  ]);
  db.close();
}

const databases = async () => (await indexedDB.databases()).map((db) => db.name).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  await closeHistory();
  globalThis.indexedDB = new IDBFactory();
});

describe('moving the older version’s images into history', () => {
  it('finds every image exactly once, with its model, size and time, and the old database gone', async () => {
    await writeOldHistory();
    await writeOldImages();
    // The session still knows the run (a worker restart, not an update): its job takes the image.
    await imageRunItem.setValue({
      id: RUN,
      jobId: 'fox',
      status: 'done',
      prompt: 'A fox',
      aspect: '1:1',
      startedAt: 1,
      updatedAt: 2,
      images: [],
    });

    expect(await moveLegacyImages()).toEqual({ added: 1, kept: 1, dropped: 1 });
    expect(await databases()).toEqual(['promptbrush-history']);

    const [fox, ...others] = await listHistory();
    expect(others).toEqual([]);
    expect(fox?.prompt?.job.prompt).toBe('A fox');
    expect(fox?.images.map((image) => image.id)[0]).toBe('h1');
    expect(fox?.images[1]).toMatchObject({ jobId: 'fox', mime: 'image/png', width: 8, height: 8, model: 'fake-image-2', createdAt: 21 });
    const bytes = await Promise.all((fox?.images ?? []).map((image) => imageBytes(image.id)));
    expect(bytes).toEqual([KEPT, REFUSED]);

    // Nothing left to move: nothing happens, and no old database is created by looking.
    expect(await moveLegacyImages()).toBeNull();
    expect(await databases()).toEqual(['promptbrush-history']);
  });

  it('runs again after a move cut short, and still adds nothing twice', async () => {
    await writeOldHistory();
    await writeOldImages();
    await Promise.all([moveLegacyImages(), moveLegacyImages()]);
    // The worker stopped before the old database was deleted: it is there again at the next start.
    await writeOldImages();
    expect(await moveLegacyImages()).toEqual({ added: 0, kept: 2, dropped: 1 });

    const entries = await listHistory();
    const images = entries.flatMap((entry) => entry.images);
    expect(images).toHaveLength(2);
    // Without the run in the session, the image history lacked gets an entry of its own.
    expect(entries.map((entry) => entry.jobId).sort()).toEqual([RUN, 'fox'].sort());
    expect(await databases()).toEqual(['promptbrush-history']);
  });
});
