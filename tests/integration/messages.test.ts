// The message layer end to end under fakeBrowser: a page's send() through listen() to the real
// handlers (and the real SDK against the fake server). A handler's failure reaches the page as
// the PromptbrushError it threw, with its own kind and words, never as "unknown".
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyError } from '../../utils/background/classify-error';
import { handlers } from '../../utils/background/handlers';
import { mutateJob } from '../../utils/background/job-store';
import { PromptbrushError } from '../../utils/errors';
import { newJob } from '../../utils/job';
import { listen, send } from '../../utils/messaging';
import type { SenderInfo } from '../../utils/protocol';
import { useConfiguredBackground } from './background-fixture';

const fixture = useConfiguredBackground('sk-test-messages-0123456789');

/**
 * fakeBrowser's sendMessage neither names a sender nor awaits a listener's promise: route by hand,
 * as an extension page. (Node gives chrome-extension:// URLs no origin: the extension's pages are
 * served from an http origin here.)
 */
function connectPageToBackground(): void {
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `http://extension.test/${path.replace(/^\//, '')}`);
  let listener: ((message: unknown, sender: SenderInfo) => Promise<unknown> | undefined) | undefined;
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
    listener = l as typeof listener;
  });
  listen(handlers, (error) => classifyError(error));
  const sender: SenderInfo = { id: fakeBrowser.runtime.id, url: 'http://extension.test/popup.html' };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => listener?.(message, sender));
}

async function failureOf(request: Promise<unknown>): Promise<PromptbrushError> {
  const error = await request.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PromptbrushError);
  return error as PromptbrushError;
}

describe('a handler that fails reaches the page with its own row', () => {
  beforeEach(() => {
    connectPageToBackground();
  });

  it('listModels with a wrong key: invalid-key', async () => {
    const server = fixture();
    server.acceptKey = 'sk-the-right-one-0123456789';
    const error = await failureOf(send('listModels', { baseUrl: server.baseUrl, apiKey: 'sk-the-wrong-one-0123456789' }));
    expect(error.kind).toBe('invalid-key');
    // Scrubbed of the key on the way.
    expect(error.detail ?? '').not.toContain('sk-the-wrong-one');
  });

  it('saveApiKey without a key: missing-key', async () => {
    const error = await failureOf(send('saveApiKey', { apiKey: '   ' }));
    expect(error.kind).toBe('missing-key');
  });

  it('reuseJob of an entry no longer in history: says so', async () => {
    const error = await failureOf(send('reuseJob', { jobId: 'notinhistory' }));
    expect(error).toMatchObject({ kind: 'unknown', detail: 'This entry is no longer in history.' });
  });

  it('retry of a job that can no longer be retried: says so', async () => {
    await mutateJob(() => newJob('nosource', 'popup-text', 1));
    const error = await failureOf(send('retryJob', { jobId: 'nosource' }));
    expect(error).toMatchObject({ kind: 'unknown', detail: 'This job can no longer be retried.' });
  });

  it('a message that fails the protocol checks is refused by the background, as not-sent', async () => {
    const error = await failureOf(send('cancelJob', { jobId: '../../etc' }));
    expect(error.kind).toBe('not-sent');
  });
});
