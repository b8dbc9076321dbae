// @vitest-environment happy-dom
// The popup's requests to the background never fail silently: text over the protocol's limit,
// "Use selection" with no page behind the popup, a request the background refuses or never
// answers, a failed Retry or edit — each is shown from the error table, and Retry sends again.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { ERROR_KINDS } from '../../utils/error-kinds';
import { failJob, finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';
import { jobItem } from '../../utils/job-item';
import { type Envelope, MAX_TEXT_CHARS, type MessageType, parseEnvelope, type Reply } from '../../utils/protocol';
import { DEFAULT_SETTINGS } from '../../utils/settings';

type Answer = Reply<unknown> | undefined;
/** What the fake background answers, by message type; each message it acts on is recorded. */
let answers: Partial<Record<MessageType, (payload: unknown) => Answer>>;
let sent: Envelope[];

const ok = (data: unknown): Answer => ({ ok: true, data });
const sentTypes = () => sent.map((envelope) => envelope.type);

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  answers = {
    getKeyStatus: () => ok({ ready: true, hasKey: true, sessionOnly: false }),
    historyUsage: () => ok({ entries: 0, bytes: 0 }),
    updateSettings: () => ok(DEFAULT_SETTINGS),
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: Envelope) => {
    // The background's protocol check (utils/messaging.ts listen): a message that fails it is not acted on.
    if (!parseEnvelope(envelope)) return { ok: false, error: { kind: 'not-sent' } };
    sent.push(envelope);
    return answers[envelope.type]?.(envelope.payload);
  }) as never);
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => []) as never);
  // The popup's own window, as the browser always has one (for "Open in side panel").
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockImplementation((async () => ({ id: 1 })) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Opens the popup with no job: the composer shows. */
async function openPopup() {
  render(<PopupApp />);
  const write = await screen.findByRole('button', { name: 'Write prompt' });
  await waitFor(() => expect(screen.getByTestId('composer').hasAttribute('disabled')).toBe(false));
  // A stored job is on screen, and the effects of its first render have run (a click must not race
  // them): Preact runs effects after the next frame, as this waits for.
  if (await jobItem.getValue()) await screen.findByRole('article');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return write;
}

/** Opens the popup on the stored job: its prompt shows, the composer does not. */
async function openPopupOnJob() {
  render(<PopupApp />);
  const box = await screen.findByTestId('prompt');
  expect(screen.queryByTestId('composer')).toBeNull();
  // The effects of the job's first render have run (Preact runs them after the next frame).
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return box as HTMLTextAreaElement;
}

/** Opens the prompt-options row and waits for its pickers (they load on first opening). */
async function openPickers() {
  fireEvent.click(screen.getByRole('button', { name: /^Prompt options:/ }));
  return screen.findByLabelText('Target');
}

/** Chooses an entry of the toolbar's "More actions" menu. */
function chooseMore(name: string) {
  fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
  fireEvent.click(screen.getByRole('menuitem', { name }));
}

/** The popup's notice of a failed request: its error-table row and its words. */
async function requestNotice(kind: keyof typeof ERROR_KINDS) {
  const notice = await waitFor(() => {
    const shown = screen.getByTestId('request-error').querySelector('[role="alert"]') as HTMLElement;
    expect(shown.dataset.errorKind).toBe(kind);
    return shown;
  });
  expect(notice.textContent).toContain(ERROR_KINDS[kind].title);
  expect(notice.textContent).toContain(ERROR_KINDS[kind].message);
  return notice;
}

const capturedJob = (status: 'ready' | 'error'): Job => {
  const text = 'A red fox asleep in the snow.';
  const expanding = startExpanding(newJob('job-1', 'popup-text', 1), { text, originalLength: text.length, shortened: false }, 'm', 2);
  const ready = finishExpanding(expanding, 'A fox curled in fresh snow.', 3);
  return status === 'ready' ? ready : failJob(ready, { kind: 'server' }, 4);
};

describe('the popup shows every failed request', () => {
  it('pasted text over the protocol limit: says so, and sends nothing', async () => {
    const write = await openPopup();
    fireEvent.input(screen.getByTestId('composer'), { target: { value: 'x'.repeat(MAX_TEXT_CHARS + 1) } });
    fireEvent.click(write);
    await requestNotice('text-too-long');
    expect(sentTypes()).not.toContain('expandText');
  });

  it('the background refuses to write the prompt: its error is shown, and Retry sends again', async () => {
    answers.expandText = () => ({ ok: false, error: { kind: 'rate-limited' } });
    const write = await openPopup();
    fireEvent.input(screen.getByTestId('composer'), { target: { value: 'A lighthouse in a storm.' } });
    fireEvent.click(write);
    const notice = await requestNotice('rate-limited');
    expect(sentTypes().filter((type) => type === 'expandText')).toHaveLength(1);

    answers.expandText = () => ok({ jobId: 'job-2' });
    fireEvent.click(notice.querySelector('[data-testid="retry"]') as HTMLElement);
    await waitFor(() => expect(screen.queryByTestId('request-error')).toBeNull());
    expect(sent.filter((envelope) => envelope.type === 'expandText').map((envelope) => envelope.payload)).toMatchObject([
      { text: 'A lighthouse in a storm.' },
      { text: 'A lighthouse in a storm.' },
    ]);
  });

  it('"Use selection" with no tab behind the popup: says so, and sends nothing', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => []) as never);
    await openPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Use selection on this page' }));
    await requestNotice('no-tab');
    expect(sentTypes()).not.toContain('captureTab');
  });

  it('"Use selection" that the background never answers: says so, with what happened', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7, active: true }]) as never);
    await openPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Use selection on this page' }));
    const notice = await requestNotice('unknown');
    expect(notice.textContent).toContain('No answer from the background.');
    expect(sent.find((envelope) => envelope.type === 'captureTab')?.payload).toMatchObject({ tabId: 7 });
  });

  it("a failed job's Retry that the background refuses is shown", async () => {
    await jobItem.setValue(capturedJob('error'));
    answers.retryJob = () => ({ ok: false, error: { kind: 'offline' } });
    await openPopupOnJob();
    const jobNotice = await screen.findByText(ERROR_KINDS.server.title);
    fireEvent.click(jobNotice.parentElement?.querySelector('[data-testid="retry"]') as HTMLElement);
    await requestNotice('offline');
    expect(sent.find((envelope) => envelope.type === 'retryJob')?.payload).toEqual({ jobId: 'job-1' });
  });

  it('an edit of the prompt that cannot be saved is shown (too long to send: not sent at all)', async () => {
    await jobItem.setValue(capturedJob('ready'));
    answers.editPrompt = () => ({ ok: false, error: { kind: 'unknown', detail: 'The job is gone.' } });
    const box = await openPopupOnJob();
    fireEvent.input(box, { target: { value: 'A fox curled in fresh snow, at dawn.' } });
    const notice = await requestNotice('unknown');
    expect(notice.textContent).toContain('The job is gone.');

    fireEvent.input(box, { target: { value: 'x'.repeat(100_001) } });
    await requestNotice('not-sent');
    expect(sentTypes().filter((type) => type === 'editPrompt')).toHaveLength(1);
  });

  it('"Generate image" that cannot be sent is shown next to the button', async () => {
    await jobItem.setValue(capturedJob('ready'));
    fireEvent.input(await openPopupOnJob(), { target: { value: 'x'.repeat(100_001) } });
    const generate = await screen.findByRole('button', { name: 'Generate image' });
    await waitFor(() => expect(generate.hasAttribute('disabled')).toBe(false));
    fireEvent.click(generate);
    const notice = await waitFor(() => screen.getByTestId('image-request-error').querySelector('[role="alert"]') as HTMLElement);
    expect(notice.dataset.errorKind).toBe('not-sent');
    expect(sentTypes()).not.toContain('generateImage');
  });

  it('Regenerate and a new target that the background refuses are shown, not swallowed', async () => {
    await jobItem.setValue(capturedJob('ready'));
    answers.regenerate = () => ({ ok: false, error: { kind: 'server' } });
    await openPopupOnJob();
    chooseMore('Regenerate');
    await requestNotice('server');
    expect(sent.find((envelope) => envelope.type === 'regenerate')?.payload).toEqual({ jobId: 'job-1' });

    answers.regenerate = () => ({ ok: false, error: { kind: 'offline' } });
    fireEvent.change(await openPickers(), { target: { value: 'flux' } });
    await requestNotice('offline');
    expect(sent.filter((envelope) => envelope.type === 'regenerate').at(-1)?.payload).toMatchObject({
      jobId: 'job-1',
      choice: { target: 'flux' },
    });
    // A choice for this prompt does not change the defaults.
    expect(sentTypes()).not.toContain('updateSettings');
  });

  it('"Make default" that the background cannot save is shown; nothing else changes the defaults', async () => {
    answers.updateSettings = () => ({ ok: false, error: { kind: 'unknown', detail: 'Settings could not be saved.' } });
    await openPopup();
    fireEvent.change(await openPickers(), { target: { value: 'flux' } });
    await waitFor(() => expect(screen.getByRole('button', { name: /^Prompt options:/ }).textContent).toContain('Flux'));
    expect(sentTypes()).not.toContain('updateSettings');
    fireEvent.click(screen.getByRole('button', { name: 'Make default' }));
    const notice = await requestNotice('unknown');
    expect(notice.textContent).toContain('Settings could not be saved.');
    expect(sent.filter((envelope) => envelope.type === 'updateSettings').map((envelope) => envelope.payload)).toEqual([
      { patch: { target: 'flux', style: 'none', aspectRatio: DEFAULT_SETTINGS.aspectRatio, variationCount: 1 } },
    ]);
  });
});

describe('edits are never lost', () => {
  it('after a hand edit, a picker change keeps the edit and offers "Rewrite with these settings"', async () => {
    await jobItem.setValue(capturedJob('ready'));
    answers.editPrompt = () => ok({ saved: true });
    answers.regenerate = () => ok({ jobId: 'job-1' });
    const box = await openPopupOnJob();
    fireEvent.input(box, { target: { value: 'My own fox, by hand.' } });
    fireEvent.change(await openPickers(), { target: { value: 'midjourney' } });
    const kept = await screen.findByTestId('edit-kept');
    expect(box.value).toBe('My own fox, by hand.');
    expect(sentTypes()).not.toContain('regenerate');

    fireEvent.click(within(kept).getByRole('button', { name: 'Rewrite with these settings' }));
    await waitFor(() => expect(sentTypes()).toContain('regenerate'));
    expect(sent.find((envelope) => envelope.type === 'regenerate')?.payload).toMatchObject({
      jobId: 'job-1',
      choice: { target: 'midjourney' },
    });
  });

  it('"Keep the old settings" puts the pickers back and sends nothing', async () => {
    await jobItem.setValue({ ...capturedJob('ready'), edited: true });
    await openPopupOnJob();
    fireEvent.change(await openPickers(), { target: { value: 'flux' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Keep the old settings' }));
    await waitFor(() => expect(screen.queryByTestId('edit-kept')).toBeNull());
    expect((screen.getByLabelText('Target') as HTMLSelectElement).value).toBe('gpt-image');
    expect(sentTypes()).not.toContain('regenerate');
  });
});

describe('a finished prompt', () => {
  it('takes focus and is announced once as "Prompt ready"', async () => {
    const text = 'A red fox asleep in the snow.';
    const expanding = startExpanding(newJob('job-1', 'popup-text', 1), { text, originalLength: text.length, shortened: false }, 'm', 2);
    await jobItem.setValue(expanding);
    const box = await openPopupOnJob();
    const live = () => screen.getAllByRole('status').filter((region) => region.textContent === 'Prompt ready');
    expect(live()).toHaveLength(0);
    await jobItem.setValue(finishExpanding(expanding, 'A fox curled in fresh snow.', 3));
    await waitFor(() => expect(box.value).toBe('A fox curled in fresh snow.'));
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(live()).toHaveLength(1);
  });
});
