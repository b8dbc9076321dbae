import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ImageWithBytes, MB } from '../../utils/history';
import { type HistoryDb, HistoryError, openHistory } from '../../utils/history-db';
import { describeImport, exportHistory, importHistory } from '../../utils/history-import';
import { finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7, 7]);

const job = (id: string, prompt = `prompt ${id}`): Job =>
  finishExpanding(startExpanding(newJob(id, 'menu', 1), { text: `text ${id}`, originalLength: 6, shortened: false }, 'm', 2), prompt, 3);

const image = (id: string, jobId: string, createdAt: number, bytes = PNG): ImageWithBytes => ({
  id,
  jobId,
  createdAt,
  mime: 'image/png',
  width: 4,
  height: 3,
  model: 'fake-image-2',
  byteLength: bytes.length,
  size: bytes.length,
  bytes,
});

let db: HistoryDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openHistory();
});
afterEach(() => db.close());

describe('history store (IndexedDB)', () => {
  it('keeps prompts and images, lists them newest first without image bytes', async () => {
    await db.putPrompt(job('a'), 100);
    await db.putPrompt(job('b'), 200);
    await db.addImage(image('img', 'a', 150));
    const entries = await db.list();
    expect(entries.map((e) => e.jobId)).toEqual(['b', 'a']);
    expect(entries[1]?.images[0]).not.toHaveProperty('bytes');
    expect(await db.imageBytes('img')).toEqual(PNG);
    expect(await db.usage()).toMatchObject({ entries: 2, prompts: 2, images: 1 });
  });

  it('updates a prompt in place (edit, retry) and keeps its first time', async () => {
    await db.putPrompt(job('a', 'first'), 100);
    await db.putPrompt({ ...job('a', 'edited'), edited: true }, 300);
    const [entry] = await db.list();
    expect(entry?.prompt).toMatchObject({ createdAt: 100, updatedAt: 300, job: { prompt: 'edited', edited: true } });
  });

  it('deletes one entry with its images, or everything', async () => {
    await db.putPrompt(job('a'), 1);
    await db.addImage(image('i1', 'a', 2));
    await db.putPrompt(job('b'), 3);
    await db.deleteEntries(['a']);
    expect((await db.list()).map((e) => e.jobId)).toEqual(['b']);
    expect(await db.imageBytes('i1')).toBeUndefined();
    await db.clear();
    expect(await db.list()).toEqual([]);
  });

  it('evicts the oldest entries beyond the count cap, keeping the newest write', async () => {
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) await db.putPrompt(job(id), i + 1);
    expect(await db.enforceCaps({ maxItems: 2, maxBytes: MB }, 'a')).toEqual(['b', 'c']);
    expect((await db.list()).map((e) => e.jobId)).toEqual(['d', 'a']);
  });

  it('evicts the oldest entries beyond the size cap, images included', async () => {
    const big = new Uint8Array(600_000);
    big.set(PNG);
    await db.putPrompt(job('old'), 1);
    await db.addImage(image('big-old', 'old', 2, big));
    await db.putPrompt(job('new'), 3);
    await db.addImage(image('big-new', 'new', 4, big));
    expect(await db.enforceCaps({ maxItems: 100, maxBytes: MB })).toEqual(['old']);
    expect(await db.imageBytes('big-old')).toBeUndefined();
    expect(await db.imageBytes('big-new')).toEqual(big);
  });

  it('reports a full disk as storage-full, never silently', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota;
    });
    const failure = await db.putPrompt(job('a'), 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HistoryError);
    expect(failure).toMatchObject({ kind: 'storage-full' });
    vi.restoreAllMocks();
    expect(await db.list()).toEqual([]);
  });
});

describe('export → clear → import', () => {
  it('restores prompts and image bytes exactly, and reports what it did', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    bytes.set(PNG);
    await db.putPrompt(job('a'), 10);
    await db.putPrompt({ ...job('b'), target: 'midjourney' } as Job, 20);
    await db.addImage(image('img', 'b', 30, bytes));
    const before = await db.exportAll();
    const { json, prompts, images } = await exportHistory(db, new Date(0));
    expect([prompts, images]).toEqual([2, 1]);

    await db.clear();
    const thumb = { mime: 'image/webp', bytes: new Uint8Array([1, 2]) };
    const report = await importHistory(db, json, { maxItems: 100, maxBytes: 100 * MB }, async () => thumb);
    expect(report).toEqual({ prompts: 2, images: 1, skipped: 0, rejected: [], evicted: 0 });
    const after = await db.exportAll();
    expect(after.prompts.map(({ size: _, ...p }) => p)).toEqual(before.prompts.map(({ size: _, ...p }) => p));
    expect(after.images[0]?.bytes).toEqual(bytes);
    expect(after.images[0]).toMatchObject({ id: 'img', jobId: 'b', width: 4, height: 3, model: 'fake-image-2', thumb });

    // Importing the same file again adds nothing and says so.
    const again = await importHistory(db, json, { maxItems: 100, maxBytes: 100 * MB }, async () => undefined);
    if ('error' in again) throw new Error(again.error);
    expect(again).toMatchObject({ prompts: 0, images: 0, skipped: 3 });
    expect(describeImport(again)).toEqual(['Imported 0 prompts and 0 images.', '3 records already in history, left as they were.']);
  });

  it('applies the caps after an import and says how many were removed', async () => {
    await db.putPrompt(job('a'), 10);
    await db.putPrompt(job('b'), 20);
    const { json } = await exportHistory(db, new Date(0));
    await db.clear();
    const report = await importHistory(db, json, { maxItems: 1, maxBytes: MB }, async () => undefined);
    if ('error' in report) throw new Error(report.error);
    expect(report.evicted).toBe(1);
    expect(describeImport(report).at(-1)).toBe('1 oldest entry removed to stay within your history limits.');
    expect((await db.list()).map((e) => e.jobId)).toEqual(['b']);
  });
});
