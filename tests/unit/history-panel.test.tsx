// @vitest-environment happy-dom
// The history panel as the person uses it: open, search, delete, clear — text shown as text.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryPanel } from '../../components/history/HistoryPanel';
import { handlers } from '../../utils/background/handlers';
import { historyNoticeItem } from '../../utils/history-notice';
import { clearHistory, listHistory, recordPrompt } from '../../utils/history-store';
import { finishExpanding, type Job, newJob, startExpanding } from '../../utils/job';
import type { Envelope } from '../../utils/protocol';

const job = (id: string, text: string, prompt: string): Job =>
  finishExpanding(startExpanding(newJob(id, 'menu', 1), { text, originalLength: text.length, shortened: false }, 'm', 2), prompt, 3);

beforeEach(async () => {
  fakeBrowser.reset();
  // The collapsed history's size comes from the background: answer with its real handler.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: Envelope) => {
    if (envelope.type !== 'historyUsage') throw new Error(`unexpected message ${envelope.type}`);
    return { ok: true, data: await handlers.historyUsage({}) };
  }) as never);
  await clearHistory();
  const now = vi.spyOn(Date, 'now').mockReturnValue(1);
  await recordPrompt(job('fox', 'A red fox in snow', 'Fox prompt <img src=x onerror=alert(1)>'));
  now.mockReturnValue(2);
  await recordPrompt(job('sea', 'A lighthouse at sea', 'Lighthouse prompt'));
  now.mockRestore();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('HistoryPanel', () => {
  it('lists entries newest first, searches them and shows text as text', async () => {
    render(<HistoryPanel />);
    const toggle = await screen.findByRole('button', { name: /^History \(2\) · \d+ B$/ });
    expect(screen.queryByTestId('history-search')).toBeNull();
    fireEvent.click(toggle);
    // The list's code loads on first opening: a status line shows until it is there.
    expect(screen.getByRole('status').textContent).toBe('Opening history…');
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    expect(screen.getAllByTestId('history-prompt').map((p) => p.textContent)).toEqual([
      'Lighthouse prompt',
      'Fox prompt <img src=x onerror=alert(1)>',
    ]);
    expect(document.querySelector('img')).toBeNull();

    fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'fox SNOW' } });
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(1));
    fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'whale' } });
    await waitFor(() => expect(screen.getByText('Nothing matches.')).toBeTruthy());
  });

  it('deletes one entry, then clears all after a second click', async () => {
    render(<HistoryPanel />);
    fireEvent.click(await screen.findByRole('button', { name: /History \(2\)/ }));
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete this entry' })[0] as HTMLElement);
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(1));
    expect((await listHistory()).map((e) => e.jobId)).toEqual(['fox']);
    // The toggle's count follows (the delete told every page that history changed).
    await screen.findByRole('button', { name: /^History \(1\)/ });

    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(await listHistory()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    await waitFor(() => expect(screen.queryAllByTestId('history-item')).toHaveLength(0));
    expect(await listHistory()).toEqual([]);
    await screen.findByRole('button', { name: 'History (0)' });
  });

  it('shows a storage-full failure from the background until dismissed', async () => {
    await historyNoticeItem.setValue({ kind: 'storage-full', what: 'an image', detail: 'Quota exceeded', at: 1 });
    render(<HistoryPanel />);
    const notice = await screen.findByTestId('history-notice');
    expect(notice.textContent).toContain('Browser storage is full');
    expect(notice.textContent).toContain('An image could not be saved to history.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('history-notice')).toBeNull());
  });
});
