// Streams that misbehave the way real servers do, through the real SDK over real HTTP and the very
// function the background writes prompts with: each ends within its deadline, in a row of the
// error table or a finished (bounded) answer, with what arrived kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerBounds } from '../../utils/background/answer-bounds';
import { buildChatRequest } from '../../utils/background/chat-request';
import { type WriteOptions, writePrompt } from '../../utils/background/prompt-writer';
import { tokenParamFor } from '../../utils/background/token-param-store';
import { errorRow, type JobError } from '../../utils/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { DEFAULT_REPLY, type FakeOpenAI, runawayReply, STREAM_ERRORS, startFakeOpenAI } from '../fixtures/fake-openai';

vi.mock('../../utils/permission-requests', () => ({ hasHostAccess: async () => true, requestHostAccess: async () => true }));

const KEY = 'sk-test-stream-faults-0123456789';
let server: FakeOpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => {
  fakeBrowser.reset();
  server.reset();
});

const request = buildChatRequest({ text: 'A fox in snow.', originalLength: 14, shortened: false }, 'fake-chat-mini');
const single = answerBounds({ target: 'gpt-image', variationCount: 1 });

/** Small limits (seconds, fractions allowed here: the schema clamps only what is stored). */
function settingsWith(limits: { total?: number; idle?: number } = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    provider: 'custom',
    baseUrl: server.baseUrl,
    requestTimeoutSeconds: limits.total ?? 5,
    idleTimeoutSeconds: limits.idle ?? 5,
  };
}

async function run(settings: Settings, options: Partial<WriteOptions> = {}) {
  let streamed = '';
  const started = Date.now();
  try {
    const answer = await writePrompt(settings, KEY, request, {
      signal: new AbortController().signal,
      bounds: single,
      onDelta: (delta) => {
        streamed += delta;
      },
      onWait: () => undefined,
      ...options,
    });
    return { answer, streamed, error: undefined, ms: Date.now() - started };
  } catch (error) {
    return { answer: undefined, streamed, error: errorRow(error, () => ({ kind: 'unknown' }) as JobError), ms: Date.now() - started };
  }
}

describe('deadlines', () => {
  it('headers, then silence: stalled after the idle limit', async () => {
    server.chat.silentAfterHeaders = true;
    const result = await run(settingsWith({ idle: 0.4 }));
    expect(result.error?.kind).toBe('stalled');
    expect(result.ms).toBeLessThan(2000);
  });

  it('silence after a few tokens: stalled, and the text that arrived is kept', async () => {
    server.chat.silenceAfterChunks = 3;
    const result = await run(settingsWith({ idle: 0.4 }));
    expect(result.error?.kind).toBe('stalled');
    expect(result.streamed).toBe(DEFAULT_REPLY.slice(0, 36));
    expect(result.ms).toBeLessThan(2000);
  });

  it('keep-alive comments are bytes: a silent but living stream is not stalled, and the overall deadline still ends it', async () => {
    server.chat.silenceAfterChunks = 1;
    server.chat.commentsWhileSilentMs = 100;
    const result = await run(settingsWith({ idle: 0.4, total: 1.2 }));
    expect(result.error?.kind).toBe('timeout');
    expect(result.ms).toBeGreaterThanOrEqual(1100);
    expect(result.ms).toBeLessThan(3000);
    expect(result.streamed).toBe(DEFAULT_REPLY.slice(0, 12));
  });

  it('a slow endless answer ends at the overall deadline, not at the cap', async () => {
    server.chat.endless = true;
    server.chat.chunkDelayMs = 50;
    const result = await run(settingsWith({ total: 0.8 }));
    expect(result.error?.kind).toBe('timeout');
    expect(result.streamed.length).toBeGreaterThan(0);
    expect(result.ms).toBeLessThan(2500);
  });

  it('the person’s Cancel is still "cancelled", not a deadline', async () => {
    server.chat.silentAfterHeaders = true;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await run(settingsWith({ idle: 2 }), { signal: controller.signal });
    expect(result.error?.kind).toBe('cancelled');
  });
});

describe('bounded answers', () => {
  it('a fast endless answer is cut at the cap: aborted, what arrived kept, never more than the cap', async () => {
    server.chat.endless = true;
    server.chat.chunkDelayMs = 0;
    server.chat.chunkSize = 500;
    const result = await run(settingsWith());
    expect(result.answer?.cut).toBe(true);
    expect(result.answer?.text.length).toBe(single.maxChars);
    expect(result.streamed.length).toBe(single.maxChars);
    expect(result.ms).toBeLessThan(3000);
  });

  it('a 1 MB answer is not read to its end', async () => {
    server.chat.reply = runawayReply(1024 * 1024);
    server.chat.chunkSize = 1000;
    server.chat.chunkDelayMs = 1;
    const result = await run(settingsWith());
    expect(result.answer).toMatchObject({ cut: true });
    expect(result.streamed.length).toBe(single.maxChars);
    expect(result.ms).toBeLessThan(3000);
  });

  it('sends a token limit suited to the target and takes', async () => {
    await run(settingsWith(), { bounds: answerBounds({ target: 'midjourney', variationCount: 4 }) });
    const body = server.chatRequests()[0]?.body as Record<string, unknown>;
    expect(body.max_completion_tokens).toBe(answerBounds({ target: 'midjourney', variationCount: 4 }).maxTokens);
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('a server that refuses max_completion_tokens is asked again with max_tokens at once, and the endpoint is remembered', async () => {
    server.chat.rejectParams = ['max_completion_tokens'];
    const first = await run(settingsWith());
    expect(first.answer?.text).toBe(DEFAULT_REPLY);
    const bodies = server.chatRequests().map((r) => r.body as Record<string, unknown>);
    expect(bodies.map((b) => Object.keys(b).filter((k) => k.startsWith('max_')))).toEqual([['max_completion_tokens'], ['max_tokens']]);
    expect(await tokenParamFor(server.baseUrl)).toBe('max_tokens');
    // The next request goes out right the first time.
    server.requests.length = 0;
    expect((await run(settingsWith())).answer?.text).toBe(DEFAULT_REPLY);
    expect(server.chatRequests()).toHaveLength(1);
    expect(server.chatRequests()[0]?.body).toHaveProperty('max_tokens');
  });

  it('a server that refuses both limits gets none (the character cap still holds)', async () => {
    server.chat.rejectParams = ['max_completion_tokens', 'max_tokens'];
    expect((await run(settingsWith())).answer?.text).toBe(DEFAULT_REPLY);
    expect(server.chatRequests()).toHaveLength(3);
    expect(await tokenParamFor(server.baseUrl)).toBe('none');
  });
});

describe('errors inside a 200', () => {
  it('an error event after some text (OpenRouter’s shape) is a row, never prompt text', async () => {
    server.chat.errorEventAfterChunks = { after: 2, error: STREAM_ERRORS.upstream() };
    const result = await run(settingsWith());
    expect(result.error).toMatchObject({ kind: 'stream-error', detail: expect.stringContaining('Provider returned error') });
    expect(result.streamed).toBe(DEFAULT_REPLY.slice(0, 24));
    expect(result.streamed).not.toContain('error');
  });

  it('an error event with a string code is a stream error too', async () => {
    server.chat.errorEventAfterChunks = { after: 0, error: STREAM_ERRORS.overloaded() };
    expect((await run(settingsWith())).error?.kind).toBe('stream-error');
  });

  it('an error event that names a refusal is that row', async () => {
    server.chat.errorEventAfterChunks = { after: 0, error: { error: { code: 401, message: 'No auth credentials found' } } };
    expect((await run(settingsWith())).error?.kind).toBe('invalid-key');
  });

  it('a 200 web page (captive portal) is not-an-api, never a prompt', async () => {
    server.chat.htmlPage = true;
    const result = await run(settingsWith());
    expect(result.error?.kind).toBe('not-an-api');
    expect(result.streamed).toBe('');
  });

  it('a refused connection is offline', async () => {
    server.chat.refuse = true;
    expect((await run(settingsWith())).error?.kind).toBe('offline');
  });
});
