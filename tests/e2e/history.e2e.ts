// History: kept across a browser restart, searchable, reusable, deletable, exported and
// imported back exactly (prompts and image bytes), and an older version's images moved into it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import { makePng } from '../fixtures/solid-png';
import {
  addHistoryImage,
  configure,
  moveLegacyImages,
  openComposer,
  openOptions,
  openPopup,
  restartBrowser,
  type Session,
  screenshotPath,
  startSession,
  storedJob,
} from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

async function writePrompt(text: string): Promise<string> {
  const popup = await openPopup(session);
  await (await openComposer(popup)).fill(text);
  await popup.getByRole('button', { name: 'Write prompt' }).click();
  // This job, not the previous one the popup showed when it opened.
  await expect.poll(() => popup.getByTestId('source-text').textContent(), { timeout: 15_000 }).toContain(text.slice(0, 30));
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  await popup.close();
  return (await storedJob(session))?.id ?? '';
}

async function openHistory() {
  const popup = await openPopup(session);
  await popup.getByRole('button', { name: /^History/ }).click();
  return popup;
}

interface ExportFile {
  exportedAt: string;
  prompts: { id: string; job: { prompt: string; source?: { text: string } } }[];
  images: { id: string; jobId: string; data: string; mime: string; width: number; height: number; model: string }[];
}

async function exportFrom(page: Awaited<ReturnType<typeof openHistory>>): Promise<ExportFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export history' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^promptbrush-history-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

describe('history', () => {
  const png = makePng(40, 30, [200, 30, 60]);
  let foxId = '';

  it('keeps every finished prompt and generated image, across a browser restart', async () => {
    await configure(session);
    foxId = await writePrompt('A red fox asleep in fresh snow under a pine tree.');
    await writePrompt('A lighthouse keeper climbing the stairs in a storm.');
    await addHistoryImage(session, foxId, { bytes: png, mime: 'image/png', width: 40, height: 30, model: 'fake-image-2' });

    await restartBrowser(session);
    const popup = await openHistory();
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(2);
    const fox = popup.locator(`[data-job-id="${foxId}"]`);
    await expect.poll(() => fox.getByTestId('history-prompt').textContent()).toContain('lighthouse keeper');
    expect(await fox.textContent()).toContain('A red fox asleep');
    // The thumbnail is a real, decoded image.
    await expect
      .poll(() => fox.getByTestId('history-thumb').evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 5000 })
      .toBeGreaterThan(0);
    await popup.screenshot({ path: screenshotPath('history.png') });

    // Search finds the selection's words; reuse loads the entry into the popup.
    await popup.getByTestId('history-search').fill('fox snow');
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(1);
    await popup.getByRole('button', { name: 'Reuse' }).click();
    await expect.poll(() => popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY);
    await expect.poll(() => popup.getByTestId('source-text').textContent()).toContain('A red fox asleep');

    const options = await openOptions(session);
    await expect
      .poll(() => options.getByTestId('history-usage').textContent())
      .toMatch(/^2 of 500 entries \(2 prompts, 1 image\) · [\d.]+ KB of 200 MB/);
  });

  it('export → clear all → import restores prompts and image bytes exactly, and reports it', async () => {
    const popup = await openHistory();
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(2);
    const first = await exportFrom(popup);
    expect(first.prompts).toHaveLength(2);
    expect(first.images).toHaveLength(1);
    expect(new Uint8Array(Buffer.from(first.images[0]?.data ?? '', 'base64'))).toEqual(png);
    expect(first.images[0]).toMatchObject({ jobId: foxId, mime: 'image/png', width: 40, height: 30, model: 'fake-image-2' });

    await popup.getByRole('button', { name: 'Clear all' }).click();
    await popup.getByRole('button', { name: 'Delete all' }).click();
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(0);

    const file = JSON.stringify({ ...first, prompts: [...first.prompts, { id: 'broken', createdAt: 1, job: {} }] });
    await popup
      .getByTestId('history-import')
      .setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const report = popup.getByTestId('history-transfer-report');
    await expect.poll(() => report.textContent()).toContain('Imported 2 prompts and 1 image.');
    expect(await report.textContent()).toContain('Rejected 1 record:• prompt 3 (broken): the job id does not match the record id');
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(2);

    const second = await exportFrom(popup);
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
  });

  it('deletes one entry', async () => {
    const popup = await openHistory();
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(2);
    await popup.locator(`[data-job-id="${foxId}"]`).getByRole('button', { name: 'Delete this entry' }).click();
    await expect.poll(() => popup.getByTestId('history-item').count()).toBe(1);
    expect(await popup.locator(`[data-job-id="${foxId}"]`).count()).toBe(0);
  });

  it('after an update: images an older version kept in its own database are in history once, and that database is gone', async () => {
    const kept = [...makePng(24, 24, [20, 120, 200])]; // written by the older version to both databases
    const refused = [...makePng(32, 16, [240, 200, 10])]; // only in its own database (history had refused it)
    const preview = [...makePng(8, 8, [9, 9, 9])];
    const run = 'f00dfeedf00dfeedf00dfeedf00dfeed';
    const options = await openOptions(session);
    // The profile as the older version left it, written with raw IndexedDB from an extension page.
    await options.evaluate(
      async ({ kept, refused, preview, run }) => {
        const done = (tx: IDBTransaction) =>
          new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
        const open = (name: string, version: number | undefined, upgrade?: (db: IDBDatabase) => void) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name, version);
            request.onupgradeneeded = () => upgrade?.(request.result);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        const history = await open('promptbrush-history', undefined);
        const now = Date.now();
        const job = {
          id: 'oldjob',
          status: 'ready',
          trigger: 'popup-text',
          edited: false,
          createdAt: now,
          updatedAt: now,
          prompt: 'An otter on a river stone, at dawn.',
        };
        const tx = history.transaction(['prompts', 'images', 'imageBytes'], 'readwrite');
        tx.objectStore('prompts').put({ id: 'oldjob', createdAt: now, updatedAt: now, job, size: 200 });
        tx.objectStore('images').put({
          id: 'oldimage',
          jobId: 'oldjob',
          createdAt: now,
          mime: 'image/png',
          width: 24,
          height: 24,
          model: 'fake-image-2',
          byteLength: kept.length,
          size: kept.length,
        });
        tx.objectStore('imageBytes').put({ id: 'oldimage', bytes: new Uint8Array(kept) });
        await done(tx);
        history.close();

        const images = await open('promptbrush-images', 1, (db) => db.createObjectStore('images'));
        const own = images.transaction('images', 'readwrite');
        const record = (bytes: number[], width: number, height: number) => ({
          blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
          mime: 'image/png',
          width,
          height,
          model: 'fake-image-2',
          createdAt: now,
        });
        own.objectStore('images').put(record(preview, 8, 8), `${run}-partial-0`);
        own.objectStore('images').put(record(kept, 24, 24), `${run}-0`);
        own.objectStore('images').put(record(refused, 32, 16), `${run}-1`);
        await done(own);
        images.close();
      },
      { kept, refused, preview, run },
    );
    await options.close();

    expect(await moveLegacyImages(session)).toEqual({ added: 1, kept: 1, dropped: 1 });

    const popup = await openHistory();
    const thumbs = popup.getByTestId('history-thumb');
    await expect.poll(() => thumbs.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => popup.locator('[data-job-id="oldjob"]').getByTestId('history-thumb').count()).toBe(1);
    await expect.poll(() => popup.locator(`[data-job-id="${run}"]`).getByTestId('history-thumb').count()).toBe(1);
    const sizes = await thumbs.evaluateAll((imgs) =>
      imgs.map((img) => `${(img as HTMLImageElement).naturalWidth}x${(img as HTMLImageElement).naturalHeight}`),
    );
    expect(sizes.sort()).toEqual(['24x24', '32x16']);
    expect(await popup.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain('promptbrush-images');

    // Again (the next worker start): nothing to move, nothing added.
    expect(await moveLegacyImages(session)).toBeNull();
    await expect.poll(() => thumbs.count()).toBe(2);
  });
});
