// The background's side of the history owner (recordPrompt, addImage) under fakeBrowser and
// fake-indexeddb: caps from settings, validation, and failures reported to the person.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { historyNoticeItem } from '../../utils/history-notice';
import { addImage, clearHistory, imageBytes, listHistory, recordPrompt } from '../../utils/history-store';
import { failJob, finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const job = (id: string): Job =>
  finishExpanding(startExpanding(newJob(id, 'menu', 1), { text: 'fox', originalLength: 3, shortened: false }, 'm', 2), `prompt ${id}`, 3);

beforeEach(async () => {
  fakeBrowser.reset();
  await clearHistory();
});

describe('history API', () => {
  it('records finished prompts only, and applies the count cap from settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { historyMaxItems: 10 } });
    for (let i = 0; i < 12; i++) await recordPrompt(job(`j${i}`));
    await recordPrompt(failJob(job('failed'), { kind: 'offline' }, 4));
    const ids = (await listHistory()).map((e) => e.jobId);
    expect(ids).toHaveLength(10);
    expect(ids).not.toContain('j0');
    expect(ids).not.toContain('failed');
  });

  it('addImage keeps the bytes under the job and returns the id', async () => {
    await recordPrompt(job('a'));
    const id = await addImage('a', { bytes: PNG.buffer, mime: 'image/png', width: 1024, height: 1536, model: 'fake-image-2' });
    expect(await imageBytes(id)).toEqual(PNG);
    const [entry] = await listHistory();
    expect(entry).toMatchObject({ jobId: 'a', images: [{ id, mime: 'image/png', width: 1024, height: 1536, model: 'fake-image-2' }] });
  });

  it('refuses bytes that are not the image they claim to be', async () => {
    await expect(addImage('a', { bytes: PNG, mime: 'image/jpeg', width: 1, height: 1, model: 'm' })).rejects.toThrow(/not a valid/);
    expect(await historyNoticeItem.getValue()).toMatchObject({ kind: 'history-failed', what: 'an image' });
  });

  it('reports a full disk to the person (history notice) and to the caller', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await expect(addImage('a', { bytes: PNG, mime: 'image/png', width: 1, height: 1, model: 'm' })).rejects.toMatchObject({
      kind: 'storage-full',
    });
    await expect(recordPrompt(job('b'))).rejects.toMatchObject({ kind: 'storage-full' });
    expect(await historyNoticeItem.getValue()).toMatchObject({ kind: 'storage-full', what: 'the prompt' });
  });
});
