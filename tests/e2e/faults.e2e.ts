// Servers that misbehave the way real ones do, as the person sees it in the real popup: every
// fault ends within its deadline in a named row or a finished (bounded) prompt, the text that
// arrived is kept, Retry works, and the next request succeeds.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_KINDS, type ErrorKind } from '../../utils/error-kinds';
import { DEFAULT_REPLY, runawayReply, STREAM_ERRORS } from '../fixtures/fake-openai';
import { configure, openComposer, openPopup, type Session, startSession, storedJob } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(() => {
  session.server.reset();
});

const TEXT = 'A lighthouse keeper climbing the stairs in a storm.';

async function writeFromPopup(text = TEXT): Promise<Page> {
  const popup = await openPopup(session);
  await (await openComposer(popup)).fill(text);
  await popup.getByRole('button', { name: 'Write prompt' }).click();
  return popup;
}

/** Waits for the job's notice of this kind and checks it reads as the table says. */
async function noticeOf(popup: Page, kind: ErrorKind, timeout: number) {
  const notice = popup.locator(`.job [data-error-kind="${kind}"]`);
  await notice.waitFor({ timeout });
  const text = await notice.textContent();
  expect(text).toContain(ERROR_KINDS[kind].title);
  expect(text).toContain(ERROR_KINDS[kind].message);
  return notice;
}

/** Retry on the notice: the server is healthy again, the whole prompt arrives. */
async function retryCompletes(popup: Page) {
  session.server.reset();
  await popup.getByTestId('retry').click();
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 10_000 }).toBe(DEFAULT_REPLY);
}

/** The next, unrelated request works as usual. */
async function nextRequestSucceeds() {
  session.server.reset();
  const popup = await writeFromPopup('A red fox asleep in fresh snow.');
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 10_000 }).toBe(DEFAULT_REPLY);
  await popup.close();
}

describe('streams that never end', () => {
  it('silence after a few tokens: "stalled" at the idle limit, the text so far kept, Retry completes it', async () => {
    await configure(session, { idleTimeoutSeconds: 5 });
    session.server.chat.silenceAfterChunks = 3;
    const started = Date.now();
    const popup = await writeFromPopup();
    await noticeOf(popup, 'stalled', 15_000);
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(await popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY.slice(0, 36));
    expect(await storedJob(session)).toMatchObject({ status: 'error', error: { kind: 'stalled' }, prompt: DEFAULT_REPLY.slice(0, 36) });
    expect(await popup.getByTestId('fix').getAttribute('data-field')).toBe('idle-timeout');
    await retryCompletes(popup);
    await popup.close();
    await nextRequestSucceeds();
  });

  it('headers, then nothing: "stalled", and a second click on the same text starts afresh once it has', async () => {
    await configure(session, { idleTimeoutSeconds: 5 });
    session.server.chat.silentAfterHeaders = true;
    const popup = await writeFromPopup();
    await noticeOf(popup, 'stalled', 15_000);
    expect(session.server.chatRequests()).toHaveLength(1);
    session.server.reset();
    await (await openComposer(popup)).fill(TEXT);
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 10_000 }).toBe(DEFAULT_REPLY);
    expect(session.server.chatRequests()).toHaveLength(1);
    await popup.close();
  });

  it('an answer kept alive by comments but never finished ends at the overall deadline as "timeout"', async () => {
    await configure(session, { idleTimeoutSeconds: 5, requestTimeoutSeconds: 10 });
    session.server.chat.silenceAfterChunks = 2;
    session.server.chat.commentsWhileSilentMs = 1000;
    const started = Date.now();
    const popup = await writeFromPopup();
    await noticeOf(popup, 'timeout', 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    expect(await popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY.slice(0, 24));
    await retryCompletes(popup);
    await popup.close();
  });
});

describe('answers that run away', () => {
  it('an endless answer is cut: the prompt is made from what arrived, and the popup says so', async () => {
    await configure(session);
    session.server.chat.endless = true;
    session.server.chat.chunkDelayMs = 2;
    session.server.chat.chunkSize = 200;
    const popup = await writeFromPopup();
    await popup.getByTestId('cut-notice').waitFor({ timeout: 15_000 });
    const job = await storedJob(session);
    expect(job).toMatchObject({ status: 'ready', cut: true });
    expect(job?.prompt.length).toBeGreaterThan(100);
    expect(job?.prompt.length).toBeLessThanOrEqual(2000);
    expect((await popup.getByTestId('prompt').inputValue()).length).toBe(job?.prompt.length);
    await popup.close();
    await nextRequestSucceeds();
  });

  it('a 1 MB answer is not read to its end, and the request carries a token limit', async () => {
    await configure(session);
    session.server.chat.reply = runawayReply(1024 * 1024);
    session.server.chat.chunkSize = 4000;
    session.server.chat.chunkDelayMs = 1;
    const started = Date.now();
    const popup = await writeFromPopup();
    await popup.getByTestId('cut-notice').waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(session.server.chatRequests()[0]?.body).toHaveProperty('max_completion_tokens');
    await popup.close();
  });
});

describe('errors inside a 200', () => {
  it('an error event mid-stream (OpenRouter) is "stream-error": the text so far kept, never the error as prompt, Retry works', async () => {
    await configure(session);
    session.server.chat.errorEventAfterChunks = { after: 2, error: STREAM_ERRORS.upstream() };
    const popup = await writeFromPopup();
    const notice = await noticeOf(popup, 'stream-error', 10_000);
    expect(await notice.textContent()).toContain('Provider returned error');
    expect(await popup.getByTestId('prompt').inputValue()).toBe(DEFAULT_REPLY.slice(0, 24));
    await retryCompletes(popup);
    await popup.close();
  });

  it('a web page instead of the API (captive portal) is "not-an-api", and nothing of it becomes a prompt', async () => {
    await configure(session);
    session.server.chat.htmlPage = true;
    const popup = await writeFromPopup();
    await noticeOf(popup, 'not-an-api', 10_000);
    expect(await storedJob(session)).toMatchObject({ status: 'error', prompt: '' });
    expect(await popup.getByTestId('prompt').count()).toBe(0);
    await retryCompletes(popup);
    await popup.close();
  });

  it('a refused connection is "offline", and the next request succeeds', async () => {
    await configure(session);
    session.server.chat.refuse = true;
    const popup = await writeFromPopup();
    await noticeOf(popup, 'offline', 15_000);
    await retryCompletes(popup);
    await popup.close();
    await nextRequestSucceeds();
  });
});
