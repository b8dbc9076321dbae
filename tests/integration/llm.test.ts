// The real openai SDK over real HTTP against the project's fake OpenAI-compatible server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildChatRequest } from '../../utils/background/chat-request';
import { classifyError } from '../../utils/background/classify-error';
import { createClient, listModels, streamChat } from '../../utils/background/model-client';
import { testConnection } from '../../utils/background/provider-check';
import { DEFAULT_REPLY, FAILURES, type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';

const KEY = 'sk-test-integration-abcdef123456';
let server: FakeOpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = (options: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createClient({ baseUrl: server.baseUrl, apiKey: KEY, timeoutMs: options.timeoutMs ?? 5000, maxRetries: options.maxRetries ?? 0 });
const request = buildChatRequest({ text: 'A fox in snow.', originalLength: 14, shortened: false }, 'fake-chat-mini');

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return classifyError(error, [KEY]);
  }
  throw new Error('expected the call to fail');
}

describe('streamChat', () => {
  it('streams the reply in pieces and returns the whole text', async () => {
    const deltas: string[] = [];
    const { text } = await streamChat(client(), request, { onDelta: (d) => deltas.push(d) });
    expect(text).toBe(DEFAULT_REPLY);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(DEFAULT_REPLY);
    const sent = server.chatRequests()[0];
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toMatchObject({ model: 'fake-chat-mini', stream: true, messages: request.messages });
  });

  it('can be cancelled mid-stream', async () => {
    server.chat.chunkDelayMs = 50;
    const controller = new AbortController();
    const deltas: string[] = [];
    const result = errorOf(
      streamChat(client(), request, {
        signal: controller.signal,
        onDelta: (d) => {
          deltas.push(d);
          if (deltas.length === 2) controller.abort();
        },
      }),
    );
    expect(await result).toEqual({ kind: 'cancelled' });
    expect(deltas.length).toBe(2);
  });

  it('reports a stream cut half-way as an error, after the text that arrived', async () => {
    server.chat.dropAfterChunks = 3;
    const deltas: string[] = [];
    const error = await errorOf(streamChat(client(), request, { onDelta: (d) => deltas.push(d) }));
    expect(deltas.join('')).toBe(DEFAULT_REPLY.slice(0, 36));
    expect(error.kind).toBe('stream-cut');
  });

  it('times out when the server stalls', async () => {
    server.chat.stall = true;
    const error = await errorOf(streamChat(client({ timeoutMs: 300 }), request, { onDelta: () => undefined }));
    expect(error.kind).toBe('timeout');
  });
});

describe('classifyError on real HTTP error bodies', () => {
  it.each([
    ['invalidKey', 'invalid-key'],
    ['forbidden', 'forbidden'],
    ['modelNotFound', 'model-not-found'],
    ['rateLimited', 'rate-limited'],
    ['quota', 'quota'],
    ['server', 'server'],
    ['contextLength', 'too-long'],
    ['moderation', 'refused'],
  ] as const)('%s → %s', async (failure, kind) => {
    server.chat.fail = FAILURES[failure]();
    const error = await errorOf(streamChat(client(), request, { onDelta: () => undefined }));
    expect(error.kind).toBe(kind);
  });

  it('reads retry-after on a rate limit', async () => {
    server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '7' } };
    const error = await errorOf(streamChat(client(), request, { onDelta: () => undefined }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 7 });
  });

  it('never repeats the key in what it reports', async () => {
    server.chat.fail = {
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${KEY}.`, type: 'invalid_request_error', code: 'invalid_api_key' } },
    };
    const error = await errorOf(streamChat(client(), request, { onDelta: () => undefined }));
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.detail).toContain('[key]');
  });

  it('reports a closed port as offline', async () => {
    const dead = createClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY, timeoutMs: 2000, maxRetries: 0 });
    const error = await errorOf(streamChat(dead, request, { onDelta: () => undefined }));
    expect(error.kind).toBe('offline');
  });
});

describe('models and Test connection', () => {
  it('lists models with their shutdown dates', async () => {
    const models = await listModels(client());
    expect(models.map((m) => m.id)).toContain('fake-chat-mini');
    expect(models.find((m) => m.id === 'fake-chat-retired')?.shutdownDate).toBe(Date.parse('2025-01-01') / 1000);
  });

  it('says plainly when the key and endpoint work', async () => {
    const report = await testConnection({ baseUrl: server.baseUrl, apiKey: KEY, chatModel: 'fake-chat-mini' }, 1_800_000_000);
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/key works/);
  });

  it('says why when the key is refused, without the key', async () => {
    server.acceptKey = 'sk-the-right-one';
    const report = await testConnection({ baseUrl: server.baseUrl, apiKey: KEY }, 1_800_000_000);
    expect(report).toMatchObject({ ok: false, errorKind: 'invalid-key' });
    expect(report.message).not.toContain(KEY);
  });

  it('says when the chosen model is not offered', async () => {
    const report = await testConnection({ baseUrl: server.baseUrl, apiKey: KEY, chatModel: 'nope' }, 1_800_000_000);
    expect(report).toMatchObject({ ok: false, errorKind: 'model-not-found' });
  });
});
