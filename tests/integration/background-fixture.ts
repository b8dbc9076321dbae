// For integration tests of the background under fakeBrowser: the fake server started once, and
// before each test a fresh browser whose storage holds a key and settings pointing at it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';

export function useConfiguredBackground(apiKey: string): () => FakeOpenAI {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    server.reset();
    await fakeBrowser.storage.local.set({
      apiKey,
      settings: { baseUrl: server.baseUrl, chatModel: 'fake-chat-mini', maxSelectionChars: 8000, requestTimeoutSeconds: 30 },
    });
  });
  return () => server;
}
