// The history owner on fake-indexeddb: prompts and images kept, listed without bytes, deleted,
// capped, exported and imported back exactly; transient bytes of the image run.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeImport } from '../../components/history/import-report';
import { MB } from '../../utils/history';
import {
  addImage,
  clearHistory,
  clearTransientBytes,
  closeHistory,
  deleteEntries,
  enforceHistoryCaps,
  exportHistory,
  HistoryError,
  historyUsage,
  imageBytes,
  importHistory,
  keepRunImage,
  listHistory,
  putTransientBytes,
  recordPrompt,
} from '../../utils/history-store';
import { finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7, 7]);

const job = (id: string, prompt = `prompt ${id}`): Job =>
  finishExpanding(startExpanding(newJob(id, 'menu', 1), { text: `text ${id}`, originalLength: 6, shortened: false }, 'm', 2), prompt, 3);

/** Writes at a given time (records take their times from the clock). */
async function at<T>(time: number, work: () => Promise<T>): Promise<T> {
  const now = vi.spyOn(Date, 'now').mockReturnValue(time);
  try {
    return await work();
  } finally {
    now.mockRestore();
  }
}

const image = (bytes = PNG) => ({ bytes, mime: 'image/png', width: 4, height: 3, model: 'fake-image-2' });

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});

describe('history store (IndexedDB)', () => {
  it('keeps prompts and images, lists them newest first without image bytes', async () => {
    await at(100, () => recordPrompt(job('a')));
    await at(200, () => recordPrompt(job('b')));
    const id = await at(150, () => addImage('a', image()));
    const entries = await listHistory();
    expect(entries.map((e) => e.jobId)).toEqual(['b', 'a']);
    expect(entries[1]?.images[0]).toMatchObject({ id, jobId: 'a', createdAt: 150, mime: 'image/png', byteLength: PNG.length });
    expect(entries[1]?.images[0]).not.toHaveProperty('bytes');
    expect(await imageBytes(id)).toEqual(PNG);
    expect(await historyUsage()).toMatchObject({ entries: 2, prompts: 2, images: 1 });
  });

  it('updates a prompt in place (edit, retry) and keeps its first time', async () => {
    await at(100, () => recordPrompt(job('a', 'first')));
    await at(300, () => recordPrompt({ ...job('a', 'edited'), edited: true }));
    const [entry] = await listHistory();
    expect(entry?.prompt).toMatchObject({ createdAt: 100, updatedAt: 300, job: { prompt: 'edited', edited: true } });
  });

  it('deletes one entry with its images, or everything', async () => {
    await at(1, () => recordPrompt(job('a')));
    const id = await at(2, () => addImage('a', image()));
    await at(3, () => recordPrompt(job('b')));
    await deleteEntries(['a']);
    expect((await listHistory()).map((e) => e.jobId)).toEqual(['b']);
    expect(await imageBytes(id)).toBeUndefined();
    await clearHistory();
    expect(await listHistory()).toEqual([]);
  });

  it('evicts the oldest entries beyond the count cap, keeping the newest write', async () => {
    await fakeBrowser.storage.local.set({ settings: { historyMaxItems: 10 } });
    const ids = Array.from({ length: 11 }, (_, i) => `j${i}`);
    for (const [i, id] of ids.entries()) await at(i + 1, () => recordPrompt(job(id)));
    expect((await listHistory()).map((e) => e.jobId)).toEqual(ids.slice(1).reverse());
    // The entry just written stays even when it is the oldest: the next oldest goes.
    await at(0, () => recordPrompt(job('early')));
    const kept = (await listHistory()).map((e) => e.jobId);
    expect(kept).toHaveLength(10);
    expect(kept).toContain('early');
    expect(kept).not.toContain('j1');
  });

  it('evicts the oldest entries beyond the size cap, images included', async () => {
    const big = new Uint8Array(600_000);
    big.set(PNG);
    await at(1, () => recordPrompt(job('old')));
    const oldImage = await at(2, () => addImage('old', image(big)));
    await at(3, () => recordPrompt(job('new')));
    const newImage = await at(4, () => addImage('new', image(big)));
    expect(await enforceHistoryCaps({ maxItems: 100, maxBytes: MB })).toEqual(['old']);
    expect(await imageBytes(oldImage)).toBeUndefined();
    expect(await imageBytes(newImage)).toEqual(big);
  });

  it('reports a full disk as storage-full, never silently', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota;
    });
    const failure = await recordPrompt(job('a')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HistoryError);
    expect(failure).toMatchObject({ kind: 'storage-full' });
    vi.restoreAllMocks();
    expect(await listHistory()).toEqual([]);
  });
});

describe('the image run’s images', () => {
  it('a finished image is written once, into history, and the run refers to it by its history id', async () => {
    await recordPrompt(job('a'));
    const shown = await keepRunImage('a', image(), 'run-0');
    const [entry] = await listHistory();
    expect(shown).toEqual({ id: entry?.images[0]?.id, mime: 'image/png', width: 4, height: 3 });
    expect(await imageBytes('run-0')).toBeUndefined();
  });

  it('an image history refuses (over its size cap) is still shown, from transient bytes the next run clears', async () => {
    await fakeBrowser.storage.local.set({ settings: { historyMaxMB: 5 } });
    const big = new Uint8Array(5 * MB + 1);
    big.set(PNG);
    const shown = await keepRunImage('a', image(big), 'run-0');
    expect(shown.id).toBe('run-0');
    // Compared as buffers: a deep equality of 5 MB element by element takes seconds on a loaded machine.
    const stored = await imageBytes('run-0');
    expect(stored && Buffer.from(stored).equals(Buffer.from(big))).toBe(true);
    expect(await listHistory()).toEqual([]);

    // Previews are transient too; history images survive the clearing.
    await putTransientBytes('run-partial-0', PNG);
    const kept = await addImage('a', image());
    await clearTransientBytes();
    expect(await imageBytes('run-0')).toBeUndefined();
    expect(await imageBytes('run-partial-0')).toBeUndefined();
    expect(await imageBytes(kept)).toEqual(PNG);
    // Megabytes through fake-indexeddb: seconds on a busy machine.
  }, 20_000);

  it('clearing history leaves the latest run’s transient bytes alone', async () => {
    await putTransientBytes('run-partial-0', PNG);
    await addImage('a', image());
    await clearHistory();
    expect(await imageBytes('run-partial-0')).toEqual(PNG);
  });
});

describe('export → clear → import', () => {
  it('restores prompts and image bytes exactly, and reports what it did', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    bytes.set(PNG);
    await at(10, () => recordPrompt(job('a')));
    await at(20, () => recordPrompt({ ...job('b'), target: 'midjourney' } as Job));
    const id = await at(30, () => addImage('b', image(bytes)));
    const before = await exportHistory(new Date(0));
    expect([before.prompts, before.images]).toEqual([2, 1]);

    await clearHistory();
    const report = await importHistory(before.json);
    expect(report).toEqual({ prompts: 2, images: 1, skipped: 0, rejected: [], evicted: 0 });
    const after = await exportHistory(new Date(0));
    expect(JSON.parse(after.json)).toEqual(JSON.parse(before.json));
    expect(await imageBytes(id)).toEqual(bytes);
    expect((await listHistory())[0]?.images[0]).toMatchObject({ id, jobId: 'b', width: 4, height: 3, model: 'fake-image-2' });

    // Importing the same file again adds nothing and says so.
    const again = await importHistory(before.json);
    if ('error' in again) throw new Error(again.error);
    expect(again).toMatchObject({ prompts: 0, images: 0, skipped: 3 });
    expect(describeImport(again)).toEqual(['Imported 0 prompts and 0 images.', '3 records already in history, left as they were.']);
  });

  it('applies the caps after an import and says how many were removed', async () => {
    await fakeBrowser.storage.local.set({ settings: { historyMaxItems: 10 } });
    for (let i = 0; i < 10; i++) await at(10 + i, () => recordPrompt(job(`j${i}`)));
    const { json } = await exportHistory(new Date(0));
    await deleteEntries(['j0', 'j1']);
    await at(100, () => recordPrompt(job('new')));
    const report = await importHistory(json);
    if ('error' in report) throw new Error(report.error);
    expect(report.evicted).toBe(1);
    expect(describeImport(report).at(-1)).toBe('The oldest entry was removed to stay within your history limits.');
    const kept = (await listHistory()).map((e) => e.jobId);
    expect(kept).toHaveLength(10);
    expect(kept).not.toContain('j0');
  });

  it('applies the caps before writing: records that would be evicted at once are never written', async () => {
    for (let i = 0; i < 12; i++) await at(10 + i, () => recordPrompt(job(`k${i}`)));
    const { json } = await exportHistory(new Date(0));
    await clearHistory();
    await fakeBrowser.storage.local.set({ settings: { historyMaxItems: 10 } });
    const adds = vi.spyOn(IDBObjectStore.prototype, 'add');
    const report = await importHistory(json);
    if ('error' in report) throw new Error(report.error);
    expect(report).toMatchObject({ prompts: 10, evicted: 2 });
    expect(adds).toHaveBeenCalledTimes(10);
    expect((await listHistory()).map((e) => e.jobId)).not.toContain('k0');
  });
});
