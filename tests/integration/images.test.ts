// The real openai SDK over real HTTP against the fake server's /v1/images/generations: plain and
// streamed answers, and each failure the popup explains.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyImageError } from '../../utils/background/classify-image-error';
import { generateImages } from '../../utils/background/image-client';
import { buildImageRequest, type ImageInput } from '../../utils/background/image-request';
import { createClient, listModels } from '../../utils/background/model-client';
import { StreamWatch } from '../../utils/background/stream-watch';
import { base64ToBytes, pngDimensions, sniffMime } from '../../utils/image-bytes';
import { capsFor, pickImageModel } from '../../utils/image-models';
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from '../../utils/image-settings';
import type { ModelInfo } from '../../utils/models';
import { FAILURES, FAKE_IMAGE_MODELS, type FakeOpenAI, IMAGE_FAILURES, startFakeOpenAI } from '../fixtures/fake-openai';

const KEY = 'sk-test-images-abcdef123456';
const NOW = Date.parse('2026-12-15') / 1000;
let server: FakeOpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.models.push(...FAKE_IMAGE_MODELS);
});

const client = (baseUrl = server.baseUrl) => createClient({ baseUrl, apiKey: KEY, timeoutMs: 10_000, maxRetries: 0 });
const input: ImageInput = { prompt: 'A lighthouse at dusk, painterly.', aspect: '16:9' };
const request = (model: string, settings: Partial<ImageSettings> = {}, given: ImageInput = input) =>
  buildImageRequest(given, model, { ...DEFAULT_IMAGE_SETTINGS, ...settings }, capsFor(model));

async function failure(model: string, settings: Partial<ImageSettings> = {}, models?: ModelInfo[]) {
  let partials = 0;
  try {
    await generateImages(client(), request(model, settings), { onPartial: () => void partials++ });
  } catch (error) {
    return classifyImageError(error, { model, models, partials, nowSeconds: NOW, secrets: [KEY] });
  }
  throw new Error('expected the generation to fail');
}

describe('generateImages, plain JSON', () => {
  it('returns the base64 images the server sent, asking for base64 and the mapped size', async () => {
    const images = await generateImages(client(), request('fake-image-2', { count: 3 }));
    expect(images.map((i) => i.b64)).toEqual(server.sentImages);
    expect(images).toHaveLength(3);
    const bytes = base64ToBytes(images[0]?.b64 ?? '');
    expect(sniffMime(bytes)).toBe('image/png');
    // fake-image-2 is an unknown family: the standard sizes only, so 16:9 becomes 1536x1024.
    expect(pngDimensions(bytes)).toEqual({ width: 1536, height: 1024 });
    const sent = server.imageRequests()[0];
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toEqual({
      model: 'fake-image-2',
      prompt: input.prompt,
      n: 3,
      size: '1536x1024',
      response_format: 'b64_json',
      stream: false,
    });
  });

  it('says so when the provider sends only links, which expire', async () => {
    server.images.urlsOnly = true;
    expect(await failure('fake-image-2')).toMatchObject({ kind: 'no-image-data' });
  });
});

describe('generateImages, streaming partial images', () => {
  it('hands over each partial image, then returns the final one', async () => {
    const partials: { index: number; bytes: number }[] = [];
    const images = await generateImages(client(), request('gpt-image-2', { quality: 'high', format: 'png' }), {
      onPartial: (b64, index) => void partials.push({ index, bytes: b64.length }),
    });
    expect(partials.map((p) => p.index)).toEqual([0, 1]);
    expect(images.map((i) => i.b64)).toEqual(server.sentImages);
    expect(images[0]?.size).toBe('1536x864');
    expect(pngDimensions(base64ToBytes(images[0]?.b64 ?? ''))).toEqual({ width: 1536, height: 864 });
    expect(server.imageRequests()[0]?.body).toEqual({
      model: 'gpt-image-2',
      prompt: input.prompt,
      n: 1,
      size: '1536x864',
      quality: 'high',
      output_format: 'png',
      stream: true,
      partial_images: 2,
    });
  });

  it('a stream that falls silent after its partial images ends as stalled, at the idle limit', async () => {
    server.images.stallAfterPartials = true;
    const watch = new StreamWatch({ totalMs: 5000, idleMs: 300 });
    const started = Date.now();
    let partials = 0;
    let error: unknown;
    try {
      await generateImages(
        createClient({ baseUrl: server.baseUrl, apiKey: KEY, timeoutMs: 5000, maxRetries: 0, onActivity: () => watch.activity() }),
        request('gpt-image-2'),
        {
          watch,
          onPartial: () => void partials++,
        },
      );
    } catch (thrown) {
      error = thrown;
    } finally {
      watch.dispose();
    }
    expect(classifyImageError(error, { partials, nowSeconds: NOW, secrets: [KEY] }).kind).toBe('stalled');
    expect(partials).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an image request ends at its overall deadline', async () => {
    server.images.stall = true;
    const watch = new StreamWatch({ totalMs: 300, idleMs: 5000 });
    const error = await generateImages(client(), request('gpt-image-2'), { watch }).catch((thrown: unknown) => thrown);
    watch.dispose();
    expect(classifyImageError(error, { partials: 0, nowSeconds: NOW, secrets: [KEY] }).kind).toBe('timeout');
  });

  it('writes the negative prompt into the prompt when asked, since the API has none', async () => {
    const input = { prompt: 'A fox in snow', negativePrompt: 'text, watermark' };
    await generateImages(client(), request('gpt-image-2', { negativeAsWords: true }, input));
    expect(server.imageRequests()[0]?.body).toHaveProperty('prompt', 'A fox in snow\n\nAvoid: text, watermark.');
  });

  it('can be cancelled between partial images', async () => {
    server.images.delayMs = 150;
    const controller = new AbortController();
    const seen: number[] = [];
    let error: unknown;
    try {
      await generateImages(client(), request('gpt-image-2'), {
        signal: controller.signal,
        onPartial: (_b64, index) => {
          seen.push(index);
          controller.abort();
        },
      });
    } catch (caught) {
      error = caught;
    }
    expect(seen).toEqual([0]);
    expect(classifyImageError(error, { partials: 1, nowSeconds: NOW, secrets: [] })).toEqual({ kind: 'cancelled' });
    expect(server.sentImages).toHaveLength(0);
  });
});

describe('failures, as the person reads them', () => {
  it('a prompt refused before drawing: image-refused', async () => {
    server.images.fail = IMAGE_FAILURES.moderation();
    const error = await failure('gpt-image-2');
    expect(error.kind).toBe('image-refused');
    expect(error.detail).toContain('safety system');
  });

  it('a picture blocked after partial images arrived: image-refused-output', async () => {
    server.images.failAfterPartials = IMAGE_FAILURES.moderationEvent();
    expect((await failure('gpt-image-2')).kind).toBe('image-refused-output');
  });

  it('quota and rate limit are told apart', async () => {
    server.images.fail = FAILURES.quota();
    expect((await failure('gpt-image-2')).kind).toBe('quota');
    server.images.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '12' } };
    expect(await failure('gpt-image-2')).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 12 });
  });

  it('a model the endpoint does not know: model-not-found; one it lists as shut down: model-retired', async () => {
    expect((await failure('gpt-image-7')).kind).toBe('model-not-found');
    const models = await listModels(client());
    const retired = await failure('dall-e-3', {}, models);
    expect(retired).toEqual({ kind: 'model-retired', detail: 'dall-e-3 was shut down on 2026-05-12.' });
  });

  it('an endpoint that cannot be reached: offline', async () => {
    let error: unknown;
    try {
      await generateImages(client('http://127.0.0.1:9/v1'), request('gpt-image-2'));
    } catch (caught) {
      error = caught;
    }
    expect(classifyImageError(error, { partials: 0, nowSeconds: NOW, secrets: [KEY] }).kind).toBe('offline');
  });
});

describe('choosing the image model from the live list', () => {
  it('picks the newest image model still in service', async () => {
    const models = await listModels(client());
    expect(pickImageModel(models, NOW)).toBe('gpt-image-2');
    server.models = server.models.filter((m) => m.id !== 'gpt-image-2');
    expect(pickImageModel(await listModels(client()), NOW)).toBe('fake-image-2');
  });
});
