// "Test connection" and the live model list: the real SDK against the fake server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchModels, testConnection } from '../../utils/background/provider-check';
import { NO_KEY } from '../../utils/key-policy';
import { type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';

const KEY = 'sk-test-provider-check-abcdef';
const NOW = Date.parse('2026-11-26T00:00:00Z') / 1000;
let server: FakeOpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.unstubAllGlobals());

const provider = (patch: Partial<Parameters<typeof testConnection>[0]> = {}) => ({ baseUrl: server.baseUrl, apiKey: KEY, ...patch });

describe('testConnection', () => {
  it('lists the models, then asks the chosen model for one word, and says so', async () => {
    const report = await testConnection(provider({ chatModel: 'fake-chat-large' }), NOW);
    expect(report).toMatchObject({ ok: true, model: 'fake-chat-large' });
    expect(report.message).toMatch(/the key works, 2 chat models are available, and "fake-chat-large" answered in \d+ ms/);
    const chat = server.chatRequests();
    expect(chat).toHaveLength(1);
    expect(chat[0]?.body).toMatchObject({ model: 'fake-chat-large' });
    expect((chat[0]?.body as { stream?: boolean } | undefined)?.stream).toBeFalsy();
  });

  it('tries the model Automatic would pick when none is chosen', async () => {
    expect(await testConnection(provider(), NOW)).toMatchObject({ ok: true, model: 'fake-chat-mini' });
  });

  it('says a key is not needed for local servers', async () => {
    expect((await testConnection(provider({ apiKey: NO_KEY, provider: 'ollama' }), NOW)).message).toContain('no key is needed');
  });

  it('explains a refused key, without repeating it', async () => {
    server.acceptKey = 'sk-the-right-one';
    const report = await testConnection(provider(), NOW);
    expect(report).toMatchObject({ ok: false, errorKind: 'invalid-key' });
    expect(report.message).toContain('The API key was refused');
    expect(report.message).not.toContain(KEY);
    expect(server.chatRequests()).toHaveLength(0);
  });

  it('says when the chosen model was retired, and when it is not offered', async () => {
    const retired = await testConnection(provider({ chatModel: 'fake-chat-retired' }), NOW);
    expect(retired).toMatchObject({ ok: false, errorKind: 'model-not-found' });
    expect(retired.message).toContain('retired on Jan 1, 2025');
    expect((await testConnection(provider({ chatModel: 'nope' }), NOW)).message).toContain('does not offer the model "nope"');
    expect(server.chatRequests()).toHaveLength(0);
  });

  it('flags a model scheduled to retire', async () => {
    server.models.push({ id: 'fake-chat-sunset', created: 1_750_000_000, shutdown_date: '2027-03-01' });
    expect((await testConnection(provider({ chatModel: 'fake-chat-sunset' }), NOW)).message).toContain(
      'scheduled to retire on Mar 1, 2027',
    );
  });

  it('works with servers that do not list their models, once a model id is typed', async () => {
    server.modelsUnlisted = true;
    expect(await testConnection(provider(), NOW)).toMatchObject({ ok: false, errorKind: 'model-not-found' });
    const report = await testConnection(provider({ chatModel: 'llama3.2' }), NOW);
    expect(report.ok).toBe(true);
    expect(report.message).toContain('does not list its models');
  });

  it("explains Ollama's origin check, with the setting to use", async () => {
    server.rejectExtensionOrigins = true;
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('origin', 'chrome-extension://abcdefghijklmnop');
      return realFetch(input, { ...init, headers });
    });
    const report = await testConnection(provider({ provider: 'ollama', apiKey: NO_KEY }), NOW);
    expect(report).toMatchObject({ ok: false, errorKind: 'ollama-origin' });
    expect(report.help).toContain('OLLAMA_ORIGINS=chrome-extension://*');
  });

  it('says when nothing answers at the address', async () => {
    const report = await testConnection({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY }, NOW);
    expect(report).toMatchObject({ ok: false, errorKind: 'offline' });
    expect(report.message).toContain('could not be reached');
  });
});

describe('fetchModels', () => {
  it('returns the list with shutdown dates, or says the endpoint has none', async () => {
    const { models, listed } = await fetchModels(provider());
    expect(listed).toBe(true);
    expect(models.find((m) => m.id === 'fake-chat-retired')?.shutdownDate).toBe(Date.parse('2025-01-01') / 1000);
    server.modelsUnlisted = true;
    expect(await fetchModels(provider())).toEqual({ models: [], listed: false });
  });

  it('fails with the error table’s words when the key is refused', async () => {
    server.acceptKey = 'sk-other';
    await expect(fetchModels(provider())).rejects.toMatchObject({ kind: 'invalid-key' });
  });
});
