// @vitest-environment happy-dom
// A render error never leaves a blank page: it says what happened and offers a way out.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import type { Envelope } from '../../utils/protocol';

let sent: Envelope[];
beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: Envelope) => {
    sent.push(envelope);
    return { ok: true, data: { cleared: true } };
  }) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  // What a malformed job did before it was checked: `negativePrompt: 42`.
  return (42 as unknown as string).trim() as never;
}

describe('ErrorBoundary', () => {
  it('shows its children when nothing breaks', () => {
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });

  it('shows what happened and a way out instead of a blank page; the way out clears the job and reloads', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reload = vi.fn();
    vi.stubGlobal('location', { ...location, reload });
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    const crash = await screen.findByTestId('crash');
    expect(crash.textContent).toContain('Promptbrush could not show this page');
    expect(crash.textContent).toMatch(/What happened: TypeError: .*trim/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear the current prompt and reload' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(sent.map((e) => e.type)).toEqual(['clearJob']);
    vi.unstubAllGlobals();
  });
});
