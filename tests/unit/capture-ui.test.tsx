// @vitest-environment happy-dom
// What the popup and options show about capture: the context that was sent, the privacy
// switches, and the shortcut as the browser has it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaptureOptions } from '../../components/options/CaptureOptions';
import { ContextSummary } from '../../components/popup/ContextSummary';
import { SourceSummary } from '../../components/popup/SourceSummary';
import { ShortcutHint } from '../../components/shared/ShortcutHint';
import type { CapturedSource } from '../../utils/job';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { CONTEXT_UNAVAILABLE_NOTE } from '../../utils/source';

const SOURCE: CapturedSource = {
  text: 'The storm came in.',
  originalLength: 18,
  shortened: false,
  title: 'Lighthouse stories',
  url: 'https://example.com/story',
  heading: 'Chapter two',
  before: 'Night fell.',
  after: 'The lens waited.',
};

function mockShortcut(shortcut: string) {
  const commands = [{ name: 'prompt-from-selection', description: 'Image prompt from the selected text', shortcut }];
  // fakeBrowser has no commands of its own: answer as Chromium does.
  return vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => commands) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  mockShortcut('Alt+Shift+G');
});
afterEach(() => cleanup());

describe('ContextSummary', () => {
  it('lists each part of the context that was sent, with its exact value', () => {
    render(<ContextSummary source={SOURCE} />);
    const shown = screen.getByTestId('context-sent').textContent;
    expect(shown).toContain('Also sent: page title, address, nearest heading, surrounding text');
    expect(shown).toContain('Lighthouse stories');
    expect(shown).toContain('https://example.com/story');
    expect(shown).toContain('…Night fell. [selection] The lens waited.…');
  });

  it('names only what was sent', () => {
    render(<ContextSummary source={{ text: 'x', originalLength: 1, shortened: false, url: 'https://a.org/b' }} />);
    expect(screen.getByTestId('context-sent').textContent).toMatch(/^Also sent: address/);
    expect(screen.getByTestId('context-sent').textContent).not.toMatch(/title|heading|surrounding/);
  });

  it('says when no page context was sent', () => {
    render(<ContextSummary source={{ text: 'x', originalLength: 1, shortened: false }} />);
    expect(screen.getByTestId('context-sent').textContent).toBe('No page context was sent: only the text.');
  });

  it('says when page context was unavailable', () => {
    render(<ContextSummary source={{ text: 'x', originalLength: 1, shortened: false, contextNote: CONTEXT_UNAVAILABLE_NOTE }} />);
    expect(screen.getByTestId('context-unavailable').textContent).toContain('Page context unavailable');
    expect(screen.queryByTestId('context-sent')).toBeNull();
  });
});

describe('SourceSummary', () => {
  it('says how much a long selection was shortened', () => {
    render(<SourceSummary source={{ ...SOURCE, text: 'a'.repeat(7990), originalLength: 1_048_576, shortened: true }} />);
    expect(screen.getByTestId('shortened').textContent).toBe('Shortened from 1,048,576 to 7,990 characters.');
  });
});

describe('CaptureOptions', () => {
  it('switches each part of the context on and off', () => {
    const onChange = vi.fn();
    render(<CaptureOptions value={DEFAULT_SETTINGS.context} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Page title'));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.context, title: false });
    fireEvent.click(screen.getByLabelText(/query string and fragment/));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS.context, urlQuery: true });
  });

  it('offers the query string only while the address is sent', () => {
    render(<CaptureOptions value={{ ...DEFAULT_SETTINGS.context, url: false }} onChange={() => undefined} />);
    expect((screen.getByLabelText(/query string and fragment/) as HTMLInputElement).disabled).toBe(true);
  });
});

describe('ShortcutHint', () => {
  it('shows the shortcut the browser has now, and where to change it', async () => {
    render(<ShortcutHint />);
    await waitFor(() => expect(screen.getByTestId('shortcut').textContent).toContain('Shortcut for the selection: Alt+Shift+G'));
    expect(screen.getByTestId('shortcut').textContent).toContain('chrome://extensions/shortcuts');
  });

  it('says when no shortcut is set, and opens the shortcut settings', async () => {
    mockShortcut('');
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async () => ({})) as never);
    render(<ShortcutHint />);
    await waitFor(() => expect(screen.getByTestId('shortcut').textContent).toContain('No keyboard shortcut is set'));
    fireEvent.click(screen.getByRole('button', { name: 'Set one' }));
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});
