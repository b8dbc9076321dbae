// IndexedDB under pressure: another context upgrading the database, a connection the browser
// closed under us, a full disk. History yields, reopens and retries once, or says what happened.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeHistory, connection, getPrompt, listHistory, recordPrompt } from '../../utils/history-store';
import { finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';

const job = (id: string): Job =>
  finishExpanding(
    startExpanding(newJob(id, 'menu', 1), { text: `text ${id}`, originalLength: 6, shortened: false }, 'm', 2),
    `prompt ${id}`,
    3,
  );

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeHistory();
});

/** Opens the history database at `version` from "another context", as a newer extension would. */
function openElsewhere(version: number): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.open('promptbrush-history', version);
    request.onblocked = () => {
      blocked = true;
    };
    request.onupgradeneeded = () => undefined;
    request.onsuccess = () => resolve({ db: request.result, blocked });
    request.onerror = () => reject(request.error);
  });
}

describe('history under pressure', () => {
  it('versionchange: this context closes its connection so another can upgrade, and reopens when next used', async () => {
    await recordPrompt(job('a'));
    const elsewhere = await openElsewhere(2);
    expect(elsewhere.blocked).toBe(false);
    elsewhere.db.close();
    // The other side dropped the database again (a downgrade in a test): ours is created afresh on next use.
    await new Promise((resolve) => {
      indexedDB.deleteDatabase('promptbrush-history').onsuccess = resolve;
    });
    await recordPrompt(job('b'));
    expect((await listHistory()).map((e) => e.jobId)).toEqual(['b']);
  });

  it('a connection closed under us (terminated) is reopened and the work retried once', async () => {
    await recordPrompt(job('a'));
    (await connection()).close();
    expect((await getPrompt('a'))?.job.prompt).toBe('prompt a');
    await recordPrompt(job('b'));
    expect((await listHistory()).map((e) => e.jobId).sort()).toEqual(['a', 'b']);
  });

  it('a full disk is not retried: it is the storage-full row', async () => {
    await recordPrompt(job('a'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await expect(recordPrompt(job('b'))).rejects.toMatchObject({ kind: 'storage-full' });
    expect(put).toHaveBeenCalledTimes(1);
  });
});
