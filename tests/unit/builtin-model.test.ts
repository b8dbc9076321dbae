import { describe, expect, it } from 'vitest';
import { streamWithBuiltin } from '../../utils/background/builtin-writer';
import type { ChatRequest } from '../../utils/background/chat-request';
import { testBuiltin } from '../../utils/background/provider-check';
import {
  builtinState,
  downloadBuiltin,
  IMAGE_IO,
  isOffered,
  type LanguageModelApi,
  languageModelIn,
  type MultimodalPrompt,
} from '../../utils/builtin-model';

/** A stand-in for Chrome's LanguageModel with a given availability. */
function fakeLanguageModel(availability: string, options: { chunks?: string[]; fail?: Error; images?: string } = {}) {
  const calls: { created: unknown[]; prompts: (string | MultimodalPrompt)[]; destroyed: number } = {
    created: [],
    prompts: [],
    destroyed: 0,
  };
  const api: LanguageModelApi = {
    // `images`: the availability when image input is asked for (the browser may take text only).
    availability: async (io?: object) => (io === IMAGE_IO ? (options.images ?? availability) : availability),
    create: async (createOptions) => {
      calls.created.push(createOptions);
      createOptions?.monitor?.({
        addEventListener: (_type, listener) => {
          listener({ loaded: 0.5 });
        },
      });
      return {
        promptStreaming: (input: string | MultimodalPrompt) => {
          calls.prompts.push(input);
          return (async function* () {
            if (options.fail) throw options.fail;
            yield* options.chunks ?? ['A fox ', 'in snow.'];
          })();
        },
        destroy: () => {
          calls.destroyed++;
        },
      };
    },
  };
  return { api, calls };
}

const request: ChatRequest = {
  model: 'x',
  messages: [
    { role: 'system', content: 'Write prompts.' },
    { role: 'user', content: 'A fox.' },
  ],
};

describe("Chrome's built-in model", () => {
  it('is absent where the browser has no LanguageModel, without errors', async () => {
    expect(languageModelIn({})).toBeUndefined();
    expect(await builtinState(undefined)).toBe('absent');
    expect(isOffered('absent')).toBe(false);
    await expect(streamWithBuiltin(undefined, request, { onDelta: () => undefined })).rejects.toMatchObject({
      kind: 'builtin-unavailable',
    });
    expect(await testBuiltin(undefined)).toMatchObject({ ok: false, errorKind: 'builtin-unavailable' });
  });

  it('is not offered where the API exists but the device cannot run it (headless Chromium)', async () => {
    const { api } = fakeLanguageModel('unavailable');
    expect(languageModelIn({ LanguageModel: api })).toBe(api);
    expect(isOffered(await builtinState(api))).toBe(false);
  });

  it('reports the download state', async () => {
    for (const state of ['downloadable', 'downloading', 'available'] as const) {
      expect(await builtinState(fakeLanguageModel(state).api)).toBe(state);
      expect(isOffered(state)).toBe(true);
    }
    const throwing: LanguageModelApi = { availability: () => Promise.reject(new Error('boom')), create: () => Promise.reject(new Error()) };
    expect(await builtinState(throwing)).toBe('unavailable');
  });

  it('cuts a runaway answer at the cap: no more than the cap reaches the job', async () => {
    const { api } = fakeLanguageModel('available');
    const deltas: string[] = [];
    const answer = await streamWithBuiltin(api, request, { onDelta: (d) => deltas.push(d), bounds: { maxChars: 8, maxTokens: 10 } });
    expect(answer).toEqual({ text: 'A fox in', cut: true });
    expect(deltas.join('')).toBe('A fox in');
  });

  it('streams the prompt with the instructions as the system prompt, and cleans up', async () => {
    const { api, calls } = fakeLanguageModel('available');
    const deltas: string[] = [];
    const { text, cut } = await streamWithBuiltin(api, request, { onDelta: (d) => deltas.push(d) });
    expect(text).toBe('A fox in snow.');
    expect(cut).toBe(false);
    expect(deltas).toEqual(['A fox ', 'in snow.']);
    expect(calls.created[0]).toMatchObject({ initialPrompts: [{ role: 'system', content: 'Write prompts.' }] });
    expect(calls.prompts).toEqual(['A fox.']);
    expect(calls.destroyed).toBe(1);
  });

  it('asks for the download first when the model is not there yet', async () => {
    const { api, calls } = fakeLanguageModel('downloadable');
    await expect(streamWithBuiltin(api, request, { onDelta: () => undefined })).rejects.toMatchObject({ kind: 'builtin-unavailable' });
    expect(calls.created).toHaveLength(0);
  });

  it('maps its errors to the error table', async () => {
    const tooLong = Object.assign(new Error('The input is too large.'), { name: 'QuotaExceededError' });
    const { api, calls } = fakeLanguageModel('available', { fail: tooLong });
    await expect(streamWithBuiltin(api, request, { onDelta: () => undefined })).rejects.toMatchObject({ kind: 'too-long' });
    expect(calls.destroyed).toBe(1);
  });

  it('downloads with progress', async () => {
    const { api } = fakeLanguageModel('downloadable');
    const progress: number[] = [];
    await downloadBuiltin(api, (p) => progress.push(p));
    expect(progress).toEqual([0.5, 1]);
  });

  it('answers Test connection in words', async () => {
    const report = await testBuiltin(fakeLanguageModel('available').api);
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/answered on this device/);
    expect((await testBuiltin(fakeLanguageModel('downloadable').api)).message).toMatch(/not downloaded yet/);
  });

  describe('with an image (prompts from images)', () => {
    const withImage: ChatRequest = { ...request, image: 'data:image/jpeg;base64,/9j/4AAQ' };

    it('sends the image with the text where the browser takes image input', async () => {
      const { api, calls } = fakeLanguageModel('available');
      expect((await streamWithBuiltin(api, withImage, { onDelta: () => undefined })).text).toBe('A fox in snow.');
      expect(calls.created[0]).toMatchObject({ expectedInputs: [{ type: 'text' }, { type: 'image' }] });
      const [prompt] = calls.prompts as MultimodalPrompt[];
      expect(prompt?.[0]?.content[0]).toEqual({ type: 'text', value: 'A fox.' });
      const image = prompt?.[0]?.content[1]?.value as Blob;
      expect(image.type).toBe('image/jpeg');
      expect([...new Uint8Array(await image.arrayBuffer())].slice(0, 3)).toEqual([0xff, 0xd8, 0xff]);
    });

    it('says so where it takes text only, before anything is created', async () => {
      const { api, calls } = fakeLanguageModel('available', { images: 'unavailable' });
      await expect(streamWithBuiltin(api, withImage, { onDelta: () => undefined })).rejects.toMatchObject({ kind: 'builtin-no-images' });
      expect(calls.created).toHaveLength(0);
    });

    it('says so where the browser refuses the image when the session starts', async () => {
      const refused = Object.assign(new Error('Image input is not supported.'), { name: 'NotSupportedError' });
      const { api } = fakeLanguageModel('available', { fail: refused });
      await expect(streamWithBuiltin(api, withImage, { onDelta: () => undefined })).rejects.toMatchObject({ kind: 'builtin-no-images' });
    });
  });
});
