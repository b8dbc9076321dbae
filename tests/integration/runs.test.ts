// Runs as objects, under fakeBrowser with the real SDK and the fake server: a run that has been
// replaced or cancelled writes nothing more; a run keeps the settings and key it started with;
// cancel stops it visibly; the same request twice joins the running one.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cancelImageRun, startImageRun } from '../../utils/background/image-runner';
import { cancelJob, isActive, regenerateJob, startFromTab, startFromText } from '../../utils/background/job-runner';
import { mutateJob } from '../../utils/background/job-store';
import { imageBytes, listHistory } from '../../utils/history-store';
import { type ImageRun, isGenerating } from '../../utils/image-run';
import { readImageRun } from '../../utils/image-run-item';
import { type Job, markInterrupted, newJob } from '../../utils/job';
import { jobItem, readJob } from '../../utils/job-item';
import { DEFAULT_REPLY, type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';
import { useConfiguredBackground } from './background-fixture';

const KEY = 'sk-test-runs-0123456789';
const fixture = useConfiguredBackground(KEY);
let server: FakeOpenAI;
/** Another endpoint, for settings changed while a run is in flight. */
let other: FakeOpenAI;
beforeAll(async () => {
  other = await startFakeOpenAI();
});
afterAll(() => other.close());
beforeEach(async () => {
  server = fixture();
  other.reset();
  // The key is saved for the fixture's endpoint, and only for it.
  await fakeBrowser.storage.local.set({ apiKeyEndpoint: server.baseUrl });
});

/** Every value the job takes in storage from now on. */
function recordJobs(): Job[] {
  const seen: Job[] = [];
  jobItem.watch((job) => {
    if (job) seen.push(job);
  });
  return seen;
}

const settled = (id: string) =>
  vi.waitFor(async () => expect(await readJob()).toMatchObject({ id, status: expect.stringMatching(/ready|error/) }), { timeout: 8000 });

const moveSettingsTo = (endpoint: FakeOpenAI) =>
  fakeBrowser.storage.local.set({
    settings: { baseUrl: endpoint.baseUrl, chatModel: 'fake-chat-mini', maxSelectionChars: 8000, requestTimeoutSeconds: 30 },
  });

const authorizations = (endpoint: FakeOpenAI) => endpoint.requests.map((r) => r.headers.authorization);

describe('a superseded run writes nothing', () => {
  it('a run replaced while it reads the page does not report its failure over the run that replaced it', async () => {
    // A job stopped before its text was read, from a page scripts can read (no menu copy of the text).
    await mutateJob(() => markInterrupted(newJob('tabjob', 'shortcut', 1, { tabId: 7 }), 2));
    let failFirstRead: (error: Error) => void = () => undefined;
    const reads = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    reads.mockImplementationOnce(() => new Promise((_, reject) => (failFirstRead = reject)));
    reads.mockImplementation(async () => [{ frameId: 0, result: { text: 'A heron in a misty river.' } }] as never);

    await regenerateJob('tabjob');
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
    await regenerateJob('tabjob');
    await vi.waitFor(async () => expect(await readJob()).toMatchObject({ id: 'tabjob', status: 'ready', prompt: DEFAULT_REPLY }), {
      timeout: 8000,
    });

    // The first run's page read fails only now: it would say "cannot read this page".
    const seen = recordJobs();
    failFirstRead(new Error('Cannot access contents of the page'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
    expect(await readJob()).toMatchObject({ status: 'ready', prompt: DEFAULT_REPLY });
    expect((await readJob())?.error).toBeUndefined();
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('a late Regenerate of the job shown before never stops the job that replaced it', async () => {
    const old = await startFromText('A lighthouse in a storm');
    await settled(old);
    server.chat.chunkDelayMs = 25;
    const fresh = await startFromText('A red fox asleep in fresh snow');
    await vi.waitFor(async () => expect((await readJob())?.prompt.length).toBeGreaterThan(0));
    // The picker's request for the old job arrives only now.
    await expect(regenerateJob(old, { target: 'flux', style: 'none', aspectRatio: '1:1', variationCount: 1 })).rejects.toMatchObject({
      kind: 'unknown',
    });
    await settled(fresh);
    expect(await readJob()).toMatchObject({
      id: fresh,
      status: 'ready',
      prompt: DEFAULT_REPLY,
      source: { text: 'A red fox asleep in fresh snow' },
    });
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('a job written again mid-stream gets none of the replaced run’s text, nor its "cancelled"', async () => {
    server.chat.chunkDelayMs = 25;
    const id = await startFromText('A red fox in snow');
    await vi.waitFor(async () => expect((await readJob())?.prompt.length).toBeGreaterThan(0));
    const seen = recordJobs();
    await regenerateJob(id);
    await settled(id);
    expect(await readJob()).toMatchObject({ id, status: 'ready', prompt: DEFAULT_REPLY });
    const afterRestart = seen.slice(seen.findIndex((job) => job.prompt === ''));
    expect(afterRestart.length).toBeGreaterThan(0);
    for (const job of afterRestart) {
      expect(DEFAULT_REPLY.startsWith(job.prompt)).toBe(true);
      expect(job.error).toBeUndefined();
    }
  });

  it('an image generation replaced by a new click stores no image and touches no run', async () => {
    server.images.delayMs = 150;
    const before = (await listHistory()).flatMap((entry) => entry.images).length;
    const first = await startImageRun({ jobId: 'j1', prompt: 'A fox in snow' });
    await vi.waitFor(async () => expect((await readImageRun())?.status).toBe('generating'));
    const second = await startImageRun({ jobId: 'j1', prompt: 'A heron at dawn' });
    await vi.waitFor(async () => expect((await readImageRun())?.status).toBe('done'), { timeout: 8000 });
    const run = (await readImageRun()) as ImageRun;
    expect(run.id).toBe(second);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await imageBytes(`${first}-0`)).toBeUndefined();
    expect(await imageBytes(`${first}-partial-0`)).toBeUndefined();
    const inHistory = (await listHistory()).flatMap((entry) => entry.images.map((image) => image.id));
    // Only the generation that replaced it kept images.
    for (const image of run.images) expect(inHistory).toContain(image.id);
    expect(inHistory).toHaveLength(before + run.images.length);
    expect(await readImageRun()).toEqual(run);
  });
});

describe('a run keeps the settings and key it started with', () => {
  it('a new endpoint saved mid-stream gets nothing: the run finishes where it started', async () => {
    server.chat.chunkDelayMs = 25;
    const id = await startFromText('A lighthouse in a storm');
    await vi.waitFor(async () => expect((await readJob())?.prompt.length).toBeGreaterThan(0));
    await moveSettingsTo(other);
    await settled(id);
    expect(await readJob()).toMatchObject({ id, status: 'ready', prompt: DEFAULT_REPLY });
    expect(other.requests).toEqual([]);
    expect(authorizations(server)).toEqual([`Bearer ${KEY}`]);
  });

  it('a new endpoint saved just after the key was read never receives the key', async () => {
    // The settings change lands right after the run's first read of the saved key.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let moved = false;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (keys: unknown) => {
      const result = await get(keys as never);
      if (!moved && JSON.stringify(keys ?? null).includes('apiKey')) {
        moved = true;
        await moveSettingsTo(other);
      }
      return result;
    }) as never);
    const id = await startFromText('A lighthouse in a storm');
    await settled(id);
    expect(moved).toBe(true);
    expect(authorizations(other)).not.toContain(`Bearer ${KEY}`);
    expect(await readJob()).toMatchObject({ id, status: 'ready', prompt: DEFAULT_REPLY });
    expect(authorizations(server)).toEqual([`Bearer ${KEY}`]);
  });

  it('an image generation sends its requests to the endpoint it started with', async () => {
    server.images.delayMs = 100;
    await startImageRun({ jobId: 'j1', prompt: 'A fox in snow' });
    await vi.waitFor(() => expect(server.requests.some((r) => r.path === '/v1/models')).toBe(true));
    await moveSettingsTo(other);
    await vi.waitFor(async () => expect((await readImageRun())?.status).toBe('done'), { timeout: 8000 });
    expect(other.requests).toEqual([]);
    expect(server.imageRequests()).toHaveLength(1);
  });
});

describe('cancel', () => {
  it('stops the job at once, keeps its text, and nothing of the run lands after', async () => {
    server.chat.chunkDelayMs = 25;
    const id = await startFromText('A red fox in snow');
    await vi.waitFor(async () => expect((await readJob())?.prompt.length).toBeGreaterThan(0));
    expect(await cancelJob(id)).toBe(true);
    const stopped = (await readJob()) as Job;
    expect(stopped).toMatchObject({ id, status: 'error', error: { kind: 'cancelled' } });
    expect(stopped.prompt.length).toBeGreaterThan(0);
    expect(isActive(id)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readJob()).toEqual(stopped);
    expect(await cancelJob(id)).toBe(false);
  });

  it('stops an image generation, which then stores nothing', async () => {
    server.images.delayMs = 150;
    const imagesInHistory = async () => (await listHistory()).flatMap((entry) => entry.images).length;
    const before = await imagesInHistory();
    const id = await startImageRun({ jobId: 'j1', prompt: 'A fox in snow' });
    await vi.waitFor(async () => expect(isGenerating(await readImageRun())).toBe(true));
    expect(await cancelImageRun(id)).toBe(true);
    expect(await readImageRun()).toMatchObject({ id, status: 'error', error: { kind: 'cancelled' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readImageRun()).toMatchObject({ id, status: 'error', error: { kind: 'cancelled' } });
    expect(await imageBytes(`${id}-0`)).toBeUndefined();
    expect(await imagesInHistory()).toBe(before);
    expect(await cancelImageRun(id)).toBe(false);
  });
});

describe('the same request twice joins the running job', () => {
  it('a double click on the menu item for the same selection sends one request', async () => {
    server.chat.chunkDelayMs = 20;
    const capture = { tabId: 4, selectionText: 'A storm over the sea.', trigger: 'menu' as const };
    const [first, second] = await Promise.all([startFromTab(capture), startFromTab(capture)]);
    expect(second).toBe(first);
    await settled(first);
    expect(await readJob()).toMatchObject({ id: first, status: 'ready', prompt: DEFAULT_REPLY });
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('the same text again after the job finished starts a new one', async () => {
    const first = await startFromText('A fox');
    await settled(first);
    const second = await startFromText('A fox');
    expect(second).not.toBe(first);
    await settled(second);
    expect(server.chatRequests()).toHaveLength(2);
  });
});
