// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentProps } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GeneratorsOptions } from '../../components/options/GeneratorsOptions';
import { HandoffBar } from '../../components/popup/HandoffBar';
import { ImageViewer } from '../../components/popup/ImageViewer';
import { settingsItem } from '../../utils/background/settings-item';
import { DEFAULT_GENERATORS, type ExternalGenerator } from '../../utils/generators';
import { handoffNoticeItem, lastGeneratorItem } from '../../utils/handoff-store';
import type { Envelope } from '../../utils/protocol';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const PROMPT = 'A red fox asleep in fresh snow';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => cleanup());

/** The bar as the job view shows it: its status in the line under the actions. */
function Bar(props: Omit<ComponentProps<typeof HandoffBar>, 'onStatus'>) {
  const [status, setStatus] = useState('');
  return (
    <>
      <HandoffBar {...props} onStatus={setStatus} />
      <p data-testid="handoff-status">{status}</p>
    </>
  );
}

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
    render(<Bar input={{ prompt: PROMPT, negativePrompt: 'text' }} disabled={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in ChatGPT' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(writes).toEqual([`${PROMPT}\n\nNegative prompt: text`]);
    expect(order).toEqual([`open https://chatgpt.com/?q=${encodeURIComponent(PROMPT)} after 1 copy`]);
    expect(await lastGeneratorItem.getValue()).toBe('chatgpt');
    expect(screen.getByTestId('handoff-status').textContent).toContain('Prompt copied. ChatGPT opens with it filled in.');
  });

  it('offers the last used generator first, and the others in its menu, which Escape closes', async () => {
    spyClipboard();
    await lastGeneratorItem.setValue('local-sd');
    vi.spyOn(browser.tabs, 'create').mockResolvedValue(undefined as never);
    render(<Bar input={{ prompt: PROMPT }} disabled={false} />);
    const name = 'Local Stable Diffusion / ComfyUI';
    fireEvent.click(await screen.findByRole('button', { name: `Open in ${name}` }));
    await waitFor(() => expect(screen.getByTestId('handoff-status').textContent).toContain(`Paste it into ${name}.`));
    const more = screen.getByRole('button', { name: 'Other generators' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toContain('Open in ChatGPT');
    expect(items).not.toContain(`Open in ${name}`);
    // The first entry has focus; Escape closes the menu and gives focus back to its button.
    expect(document.activeElement?.textContent).toBe(items[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryAllByRole('menuitem')).toHaveLength(0);
    expect(document.activeElement).toBe(more);
  });

  it('hides disabled rows', async () => {
    const generators = DEFAULT_GENERATORS.map((g) => ({ ...g, enabled: g.id === 'krea' }));
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, generators });
    render(<Bar input={{ prompt: PROMPT }} disabled={false} />);
    expect(await screen.findByRole('button', { name: 'Open in Krea' })).toBeTruthy();
    // The only one left: no menu of others at all.
    expect(screen.queryByRole('button', { name: 'Other generators' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^Open in/ })).toHaveLength(1);
  });
});

describe('HandoffBar, fill rows', () => {
  /** permissions.request as the browser answers it; fakeBrowser has no permissions API. */
  function permissions(answer: boolean) {
    const calls: { origins?: string[] }[] = [];
    const request = vi.fn((p: { origins?: string[] }) => {
      calls.push(p);
      return Promise.resolve(answer);
    });
    Object.defineProperty(browser, 'permissions', { configurable: true, value: { request } });
    return calls;
  }
  function background(outcome: unknown) {
    const sent: Envelope[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: Envelope) => {
      sent.push(envelope);
      return { ok: true, data: outcome };
    }) as never);
    return sent;
  }

  it('copies, asks for the site inside the click, then has the background fill the box', async () => {
    const writes = spyClipboard();
    const asked = permissions(true);
    const sent = background({ filled: true, negativeFilled: true });
    const create = vi.spyOn(browser.tabs, 'create');
    await lastGeneratorItem.setValue('leonardo');
    render(<Bar input={{ prompt: PROMPT, negativePrompt: 'blurry' }} disabled={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in Leonardo' }));
    // Asked synchronously, in the click: no await before it.
    expect(asked).toEqual([{ origins: ['https://app.leonardo.ai/*'] }]);
    await waitFor(() =>
      expect(screen.getByTestId('handoff-status').textContent).toContain("It is in Leonardo's prompt box, with the negative prompt"),
    );
    expect(writes).toEqual([
      `${PROMPT}

Negative prompt: blurry`,
    ]);
    expect(sent).toEqual([{ type: 'fillGenerator', payload: { generatorId: 'leonardo', prompt: PROMPT, negativePrompt: 'blurry' } }]);
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps copy-and-open when the person refuses the site, and says so', async () => {
    spyClipboard();
    permissions(false);
    const sent = background({});
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue(undefined as never);
    await lastGeneratorItem.setValue('midjourney');
    render(<Bar input={{ prompt: PROMPT }} disabled={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in Midjourney' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'https://www.midjourney.com/imagine' }));
    expect(screen.getByTestId('handoff-status').textContent).toMatch(
      /Prompt copied\. Without access to www\.midjourney\.com, Promptbrush cannot fill Midjourney's prompt box: paste it with (Ctrl|⌘)\+V\./,
    );
    expect(sent).toEqual([]);
  });

  it('says to paste when the box was not found, and shows a notice left by a fill the popup did not see', async () => {
    spyClipboard();
    permissions(true);
    background({ filled: false, negativeFilled: false, reason: 'no-box' });
    await lastGeneratorItem.setValue('krea');
    await handoffNoticeItem.setValue({ generatorName: 'Runway', reason: 'no-box', at: Date.now() });
    render(<Bar input={{ prompt: PROMPT }} disabled={false} />);
    await waitFor(() =>
      expect(screen.getByTestId('handoff-status').textContent).toMatch(
        /found no prompt box on Runway\. The prompt is on the clipboard: paste it with/,
      ),
    );
    expect(await handoffNoticeItem.getValue()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open in Krea' }));
    await waitFor(() =>
      expect(screen.getByTestId('handoff-status').textContent).toContain('Prompt copied. Promptbrush found no prompt box on Krea.'),
    );
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
    expect(screen.getByText(/rows without a valid one are not saved/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore defaults' }));
    expect(list).toEqual(DEFAULT_GENERATORS);
  });

  it('switches a row between filling and opening, edits its selectors, turns it off, and adds a Custom site', () => {
    let list: ExternalGenerator[] = DEFAULT_GENERATORS.filter((g) => g.id === 'ideogram').map((g) => ({ ...g }));
    const onChange = (next: ExternalGenerator[]) => {
      list = next;
    };
    const view = render(<GeneratorsOptions generators={list} onChange={onChange} />);
    const rerender = () => view.rerender(<GeneratorsOptions generators={list} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Prompt box selectors of Ideogram'), { target: { value: '#a\n#b' } });
    expect(list[0]?.promptSelectors).toEqual(['#a', '#b']);
    rerender();
    fireEvent.click(screen.getByLabelText('Offer Ideogram'));
    expect(list[0]?.enabled).toBe(false);
    rerender();
    fireEvent.change(screen.getByLabelText('How the prompt reaches Ideogram'), { target: { value: 'open' } });
    expect(list[0]?.mode).toBe('open');
    rerender();
    expect(screen.queryByLabelText('Prompt box selectors of Ideogram')).toBeNull();
    const add = screen.getByRole('button', { name: 'Add custom site' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Custom site address'), { target: { value: 'https://studio.example/new' } });
    fireEvent.input(screen.getByLabelText('Custom site prompt box selector'), { target: { value: 'textarea.prompt' } });
    fireEvent.click(add);
    expect(list.at(-1)).toMatchObject({
      name: 'studio.example',
      mode: 'fill',
      promptSelectors: ['textarea.prompt'],
      urlTemplate: 'https://studio.example/new',
    });
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
