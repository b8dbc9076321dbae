// The background's job runner under fakeBrowser, with the real openai SDK talking to the fake
// server: one request per double click, "interrupted" after a worker restart, Retry completes.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerBounds } from '../../utils/background/answer-bounds';
import { handlers } from '../../utils/background/handlers';
import { retryJob, startFromTab, startFromText } from '../../utils/background/job-runner';
import { mutateJob } from '../../utils/background/job-store';
import { clearHistory, recordPrompt } from '../../utils/history-store';
import { appendDelta, type Job, markInterrupted, newJob, startExpanding } from '../../utils/job';
import { jobItem, readJob } from '../../utils/job-item';
import { DEFAULT_REPLY, type FakeOpenAI, runawayReply } from '../fixtures/fake-openai';
import { useConfiguredBackground } from './background-fixture';

const fixture = useConfiguredBackground('sk-test-runner-0123456789');
let server: FakeOpenAI;
beforeEach(() => {
  server = fixture();
});

const finished = () => vi.waitFor(async () => expect((await readJob())?.status).toMatch(/ready|error/), { timeout: 5000 });

describe('job runner', () => {
  it('a double click on "Write prompt" sends one request', async () => {
    server.chat.chunkDelayMs = 20;
    const [first, second] = await Promise.all([startFromText('A red fox in snow'), startFromText('A red fox in snow')]);
    expect(second).toBe(first);
    await finished();
    expect(await readJob()).toMatchObject({ id: first, status: 'ready', prompt: DEFAULT_REPLY });
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('new text while a job runs replaces it: the first is cancelled, the second finishes', async () => {
    server.chat.chunkDelayMs = 30;
    const first = await startFromText('A red fox in snow');
    await vi.waitFor(async () => expect((await readJob())?.prompt.length).toBeGreaterThan(0));
    const second = await startFromText('A lighthouse in a storm');
    expect(second).not.toBe(first);
    await vi.waitFor(async () => expect(await readJob()).toMatchObject({ id: second, status: 'ready', prompt: DEFAULT_REPLY }), {
      timeout: 8000,
    });
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('a job left running by a stopped worker is marked interrupted with its text kept, and Retry (clicked twice) completes it once', async () => {
    const source = { text: 'A lighthouse in a storm', originalLength: 23, shortened: false };
    const lost: Job = appendDelta(startExpanding(newJob('lostjob', 'menu', 1), source, 'fake-chat-mini', 2), 'A lone lighthouse', 3);
    await jobItem.setValue(lost);

    expect(await handlers.checkJob({ jobId: 'lostjob' })).toEqual({ running: false });
    expect(await readJob()).toMatchObject({ status: 'error', error: { kind: 'interrupted' }, prompt: 'A lone lighthouse', source });

    const [a, b] = await Promise.all([retryJob('lostjob'), retryJob('lostjob')]);
    expect([a, b]).toEqual(['lostjob', 'lostjob']);
    await vi.waitFor(async () => expect(await readJob()).toMatchObject({ id: 'lostjob', status: 'ready', prompt: DEFAULT_REPLY }), {
      timeout: 5000,
    });
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('a running job this worker owns is not touched by checkJob', async () => {
    server.chat.chunkDelayMs = 30;
    const id = await startFromText('A fox');
    expect(await handlers.checkJob({ jobId: id })).toEqual({ running: true });
    expect((await readJob())?.status).not.toBe('error');
    await finished();
  });

  it('reuse loads a history entry into the current job', async () => {
    await startFromText('A fox');
    await finished();
    const done = (await readJob()) as Job;
    await recordPrompt(done);
    await mutateJob(() => null);
    await handlers.reuseJob({ jobId: done.id });
    expect(await readJob()).toMatchObject({ id: done.id, status: 'ready', prompt: DEFAULT_REPLY, source: done.source });
    await clearHistory();
  });

  it('a job stopped before its text was read is retried by reading the same tab again', async () => {
    const selectionText = 'A heron standing in a misty river at dawn.';
    await mutateJob(() => markInterrupted(newJob('tabjob', 'menu', 1, { tabId: 5, selectionText }), 2));
    expect(await readJob()).toMatchObject({ status: 'error', error: { kind: 'interrupted' } });
    expect((await readJob())?.source).toBeUndefined();

    await retryJob('tabjob');
    await vi.waitFor(async () => expect((await readJob())?.status).toBe('ready'), { timeout: 5000 });
    // fakeBrowser cannot run scripts in tabs: the menu's own copy of the selection is used.
    expect(await readJob()).toMatchObject({ id: 'tabjob', status: 'ready', prompt: DEFAULT_REPLY, source: { text: selectionText } });
    expect(JSON.stringify(server.chatRequests().at(-1)?.body)).toContain(selectionText);
  });

  it('a runaway answer is cut at the cap: the job is finished from what arrived, says it was cut, and never held more', async () => {
    server.chat.reply = runawayReply(1024 * 1024);
    server.chat.chunkSize = 2000;
    server.chat.chunkDelayMs = 1;
    let longest = 0;
    const unwatch = jobItem.watch((job) => {
      longest = Math.max(longest, job?.prompt.length ?? 0);
    });
    await startFromText('A lighthouse in a storm', { target: 'flux', style: 'none', aspectRatio: '1:1', variationCount: 1 });
    await finished();
    unwatch();
    const job = (await readJob()) as Job;
    expect(job).toMatchObject({ status: 'ready', cut: true });
    expect(job.prompt.length).toBeGreaterThan(100);
    expect(job.prompt.length).toBeLessThanOrEqual(2000);
    expect(longest).toBeLessThanOrEqual(answerBounds({ target: 'flux', variationCount: 1 }).maxChars);
  });

  it('the same text asked for another target starts its own job', async () => {
    server.chat.chunkDelayMs = 20;
    const flux = { target: 'flux', style: 'none', aspectRatio: '1:1', variationCount: 1 } as const;
    const first = await startFromText('A red fox in snow', flux);
    const second = await startFromText('A red fox in snow', { ...flux, target: 'midjourney' });
    expect(second).not.toBe(first);
    await vi.waitFor(async () => expect(await readJob()).toMatchObject({ id: second, status: 'ready', target: 'midjourney' }), {
      timeout: 8000,
    });
  });

  it('a superseded capture that fails later cannot mark the live job as failed (the same job, run again)', async () => {
    const selectionText = 'A heron standing in a misty river at dawn.';
    let failCapture: ((error: Error) => void) | undefined;
    // The first reading of the tab hangs (a slow page); later ones are refused at once, so the
    // menu's own copy of the selection is used.
    const executeScript = vi.fn(() =>
      failCapture ? Promise.reject(new Error('No access')) : new Promise((_, reject) => (failCapture = reject)),
    );
    Object.assign(fakeBrowser, { scripting: { executeScript } });
    await mutateJob(() => markInterrupted(newJob('tabjob', 'menu', 1, { tabId: 5, selectionText }), 2));
    await retryJob('tabjob');
    await vi.waitFor(() => expect(failCapture).toBeDefined());
    // Another choice for the same job supersedes the run whose capture still hangs.
    await handlers.regenerate({ jobId: 'tabjob', choice: { target: 'flux', style: 'none', aspectRatio: '1:1', variationCount: 1 } });
    await vi.waitFor(async () => expect(await readJob()).toMatchObject({ id: 'tabjob', status: 'ready', target: 'flux' }), {
      timeout: 5000,
    });
    // The stale capture now fails (the page went away): the live job stays as it is.
    failCapture?.(new Error('The tab was closed.'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readJob()).toMatchObject({ id: 'tabjob', status: 'ready', prompt: DEFAULT_REPLY });
    expect((await readJob())?.error).toBeUndefined();
  });

  it('a job whose menu selection is 1 MB runs to the end (the background never refuses its own job for its size)', async () => {
    const selectionText = 'The storm came in at dusk. '.repeat(40_000);
    await startFromTab({ tabId: 9, selectionText, trigger: 'menu' });
    await finished();
    expect(await readJob()).toMatchObject({ status: 'ready', prompt: DEFAULT_REPLY, source: { shortened: true } });
  });
});
