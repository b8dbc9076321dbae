// Prompts from images through the real openai SDK and the fake server: the image travels as an
// image content part the server decodes, models that cannot read images get their own row, and
// the job runner keeps the image sent for Retry (the job only its thumbnail) and obeys the switch.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildChatRequest } from '../../utils/background/chat-request';
import { retryJob, startFromImageData } from '../../utils/background/job-runner';
import { mutateJob } from '../../utils/background/job-store';
import { writePrompt } from '../../utils/background/prompt-writer';
import { putSourceImage } from '../../utils/history-store';
import type { SourceImage } from '../../utils/image-source';
import { type CapturedSource, failJob, newJob } from '../../utils/job';
import { readJob } from '../../utils/job-item';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { DEFAULT_REPLY, type FakeOpenAI } from '../fixtures/fake-openai';
import { scenePng } from '../fixtures/png';
import { useConfiguredBackground } from './background-fixture';

vi.mock('../../utils/permission-requests', () => ({ hasHostAccess: async () => true, requestHostAccess: async () => true }));

const KEY = 'sk-test-image-source-0123456789';
const fixture = useConfiguredBackground(KEY);
let server: FakeOpenAI;
beforeEach(() => {
  server = fixture();
});

const png = (width: number, height: number) => scenePng(width, height);
const dataUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
const SOURCE: CapturedSource = { text: '', originalLength: 0, shortened: false };

async function write(image: string) {
  const request = buildChatRequest(SOURCE, 'fake-chat-mini', undefined, image);
  const { text } = await writePrompt(
    { ...DEFAULT_SETTINGS, provider: 'custom', baseUrl: server.baseUrl, requestTimeoutSeconds: 5 },
    KEY,
    request,
    {
      signal: new AbortController().signal,
      onDelta: () => undefined,
      onWait: () => undefined,
    },
  );
  return text;
}

const finished = () => vi.waitFor(async () => expect((await readJob())?.status).toMatch(/ready|error/), { timeout: 5000 });

describe('an image through the SDK', () => {
  it('reaches the server as an image content part it decodes to the image sent', async () => {
    expect(await write(dataUrl(png(64, 48)))).toBe(DEFAULT_REPLY);
    expect(server.visionImages).toEqual([{ mime: 'image/png', declared: 'image/png', width: 64, height: 48, bytes: png(64, 48).length }]);
    const body = server.chatRequests()[0]?.body as { messages: [unknown, { content: { type: string }[] }]; image?: unknown };
    expect(body.image).toBeUndefined();
    expect(body.messages[1].content.map((part) => part.type)).toEqual(['text', 'image_url']);
  });

  it('is refused by the server when larger than 1024 px (what the extension must never send)', async () => {
    await expect(write(dataUrl(png(1200, 100)))).rejects.toMatchObject({ kind: 'bad-request', detail: expect.stringContaining('1024') });
  });

  it("a model that cannot read images: OpenRouter's 404 and OpenAI's 400 both give the row", async () => {
    server.chat.refuseImages = 'openrouter';
    await expect(write(dataUrl(png(8, 8)))).rejects.toMatchObject({ kind: 'model-cannot-see' });
    server.chat.refuseImages = 'openai';
    await expect(write(dataUrl(png(8, 8)))).rejects.toMatchObject({ kind: 'model-cannot-see' });
  });
});

describe('the job runner with an image', () => {
  const sent: SourceImage = {
    via: 'paste',
    width: 64,
    height: 48,
    mime: 'image/png',
    bytes: png(64, 48).length,
    originalWidth: 64,
    originalHeight: 48,
    thumbnail: '',
  };

  it('Retry sends the image kept in the history database, not the thumbnail', async () => {
    await putSourceImage('imgjob', new Uint8Array(png(64, 48)));
    await mutateJob(() => failJob({ ...newJob('imgjob', 'popup-image', 1), source: { ...SOURCE, image: sent } }, { kind: 'server' }, 2));
    await retryJob('imgjob');
    await vi.waitFor(async () => expect(await readJob()).toMatchObject({ id: 'imgjob', status: 'ready', prompt: DEFAULT_REPLY }), {
      timeout: 5000,
    });
    expect(server.visionImages).toMatchObject([{ width: 64, height: 48 }]);
  });

  it('says so when the image is no longer kept (only its thumbnail is, in history)', async () => {
    await mutateJob(() => failJob({ ...newJob('oldjob', 'popup-image', 1), source: { ...SOURCE, image: sent } }, { kind: 'server' }, 2));
    await retryJob('oldjob');
    await vi.waitFor(
      async () =>
        expect(await readJob()).toMatchObject({
          status: 'error',
          error: { kind: 'image-unreadable', detail: expect.stringContaining('thumbnail') },
        }),
      { timeout: 5000 },
    );
    expect(server.chatRequests()).toHaveLength(0);
  });

  it('a file that is not an image: a clear row, nothing sent', async () => {
    await startFromImageData('data:image/png;base64,AAAA', 'broken.png');
    await finished();
    expect(await readJob()).toMatchObject({ status: 'error', trigger: 'popup-image', error: { kind: 'image-unreadable' } });
    expect(server.chatRequests()).toHaveLength(0);
  });

  it('turned off in Settings: its row, nothing read or sent', async () => {
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings: object };
    await fakeBrowser.storage.local.set({ settings: { ...settings, imageSource: false } });
    await startFromImageData(dataUrl(png(8, 8)));
    await finished();
    expect(await readJob()).toMatchObject({ status: 'error', error: { kind: 'image-source-off' } });
    expect(server.chatRequests()).toHaveLength(0);
  });
});
