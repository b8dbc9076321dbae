// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GeneratorsOptions } from '../../components/options/GeneratorsOptions';
import { HandoffBar } from '../../components/popup/HandoffBar';
import { ImageViewer } from '../../components/popup/ImageViewer';
import { DEFAULT_GENERATORS, type ExternalGenerator } from '../../utils/generators';
import { lastGeneratorItem } from '../../utils/handoff-store';

const PROMPT = 'A red fox asleep in fresh snow';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => cleanup());

function spyClipboard() {
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void writes.push(text) },
  });
  return writes;
}

describe('HandoffBar', () => {
  it('copies the prompt first, then opens the site with the prompt in the address, and remembers the choice', async () => {
    const writes = spyClipboard();
    const order: string[] = [];
    const create = vi.spyOn(browser.tabs, 'create').mockImplementation(async (props) => {
      order.push(`open ${props.url} after ${writes.length} copy`);
      return undefined as never;
    });
    const onStatus = vi.fn();
    render(<HandoffBar input={{ prompt: PROMPT, negativePrompt: 'text' }} disabled={false} onStatus={onStatus} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in ChatGPT' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(writes).toEqual([`${PROMPT}\n\nNegative prompt: text`]);
    expect(order).toEqual([`open https://chatgpt.com/?q=${encodeURIComponent(PROMPT)} after 1 copy`]);
    expect(await lastGeneratorItem.getValue()).toBe('chatgpt');
    expect(onStatus).toHaveBeenLastCalledWith('Prompt copied. ChatGPT opens with it filled in.');
  });

  it('offers the last used generator first, and the others in its menu, which Escape closes', async () => {
    spyClipboard();
    await lastGeneratorItem.setValue('midjourney');
    vi.spyOn(browser.tabs, 'create').mockResolvedValue(undefined as never);
    const onStatus = vi.fn();
    render(<HandoffBar input={{ prompt: PROMPT }} disabled={false} onStatus={onStatus} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in Midjourney' }));
    await waitFor(() => expect(onStatus).toHaveBeenLastCalledWith(expect.stringContaining('Paste it into Midjourney.')));
    const more = screen.getByRole('button', { name: 'Other generators' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toContain('Open in ChatGPT');
    expect(items).not.toContain('Open in Midjourney');
    // The first entry has focus; Escape closes the menu and gives focus back to its button.
    expect(document.activeElement?.textContent).toBe(items[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryAllByRole('menuitem')).toHaveLength(0);
    expect(document.activeElement).toBe(more);
  });
});

describe('GeneratorsOptions', () => {
  it('edits, removes, adds and restores the defaults', () => {
    let list: ExternalGenerator[] = DEFAULT_GENERATORS.slice(0, 2).map((g) => ({ ...g }));
    const onChange = (next: ExternalGenerator[]) => {
      list = next;
    };
    const view = render(<GeneratorsOptions generators={list} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Address of ChatGPT'), { target: { value: 'https://chat.example/?p={prompt}' } });
    expect(list[0]?.urlTemplate).toBe('https://chat.example/?p={prompt}');
    view.rerender(<GeneratorsOptions generators={list} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Bing Image Creator' }));
    expect(list.map((g) => g.id)).toEqual(['chatgpt']);
    view.rerender(<GeneratorsOptions generators={list} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add generator' }));
    expect(list.map((g) => g.id)).toEqual(['chatgpt', 'my-generator']);
    view.rerender(<GeneratorsOptions generators={list} onChange={onChange} />);
    expect(screen.getByText(/rows without a valid one are dropped on save/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore defaults' }));
    expect(list).toEqual(DEFAULT_GENERATORS);
  });
});

describe('ImageViewer', () => {
  it('closes on Escape and on Close', () => {
    const onClose = vi.fn();
    render(<ImageViewer url="blob:x" alt="Result" width={1024} height={1024} onClose={onClose} />);
    expect(screen.getByText('1024 × 1024 px')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
