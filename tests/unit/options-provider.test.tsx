// @vitest-environment happy-dom
// The options page's provider form, with the background and the permission prompt faked. Every
// change saves itself: a moment after typing, at once when a field is left or a key pasted.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { settingsItem } from '../../utils/background/settings-item';
import { updateSettings } from '../../utils/background/settings-writer';
import { jobItem } from '../../utils/job-item';
import type { KeyStatus } from '../../utils/key-policy';
import { send } from '../../utils/messaging';
import { hasHostAccess, requestHostAccess } from '../../utils/permission-requests';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { SettingsPatch } from '../../utils/settings-patch';
import { loadSettings } from '../../utils/settings-store';

vi.mock('../../utils/permission-requests', () => ({ requestHostAccess: vi.fn(), hasHostAccess: vi.fn() }));
vi.mock('../../utils/messaging', () => ({ send: vi.fn() }));

const KEY = 'sk-unit-options-0123456789';
let keyStatus: KeyStatus = { hasKey: false, ready: false };
const sent: { type: string; payload: unknown }[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  keyStatus = { hasKey: false, ready: false };
  location.hash = '';
  // fakeBrowser has no commands; the options page shows the shortcut (capture options).
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => []) as never);
  vi.mocked(hasHostAccess).mockResolvedValue(false);
  vi.mocked(send).mockImplementation((async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    if (type === 'getKeyStatus') return keyStatus;
    if (type === 'imageKey') return { hasKey: false, ready: false };
    if (type === 'saveApiKey') {
      const storage = (payload as { sessionOnly?: boolean }).sessionOnly ? 'session' : 'local';
      keyStatus = { hasKey: true, storage, endpoint: (await loadSettings()).baseUrl, ready: true };
      return keyStatus;
    }
    if (type === 'listModels') return { models: [{ id: 'model-a' }], listed: true };
    if (type === 'testConnection') return { ok: true, message: 'Connected.' };
    if (type === 'expandText') return { jobId: 'job-welcome' };
    // The background's one settings writer, as the real handler calls it.
    if (type === 'updateSettings') return updateSettings((payload as { patch: SettingsPatch }).patch);
    throw new Error(`unexpected ${type}`);
  }) as typeof send);
});
afterEach(() => cleanup());

async function renderWith(settings: Partial<Settings>) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...settings });
  const view = render(<OptionsApp />);
  await screen.findByTestId('save-status');
  return view;
}

const status = () => screen.getByTestId('save-status').textContent;
const updates = () => sent.filter((m) => m.type === 'updateSettings').map((m) => m.payload);

describe('options: every change saves itself', () => {
  it('says so, then "Saving…" and "Saved." for a change, sending only the fields changed', async () => {
    await renderWith({ requestTimeoutSeconds: 90 });
    expect(status()).toBe('Changes are saved as you make them.');
    // The background picks the automatic model while the page is open (it still shows none).
    await updateSettings({ chatModel: 'model-picked' });
    fireEvent.input(screen.getByLabelText('Give up on the model after (seconds)'), { target: { value: '120' } });
    expect(status()).toBe('Saving…');
    await waitFor(() => expect(status()).toBe('Saved.'));
    expect(updates()).toEqual([{ patch: { requestTimeoutSeconds: 120 } }]);
    expect(await loadSettings()).toMatchObject({ requestTimeoutSeconds: 120, chatModel: 'model-picked' });
  });

  it('saves at once when a field is left', async () => {
    await renderWith({});
    const field = screen.getByLabelText('Custom instructions, added to every request');
    fireEvent.input(field, { target: { value: 'Muted colours.' } });
    fireEvent.focusOut(field);
    await waitFor(() => expect(status()).toBe('Saved.'));
    expect(updates()).toEqual([{ patch: { customInstructions: 'Muted colours.' } }]);
  });

  it('saves nothing when nothing changed', async () => {
    await renderWith({ chatModel: 'model-a' });
    fireEvent.focusOut(screen.getByLabelText('Give up on the model after (seconds)'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(updates()).toEqual([]);
    expect(status()).toBe('Changes are saved as you make them.');
  });

  it('shows a change made elsewhere, except in a field the person is editing', async () => {
    await renderWith({ requestTimeoutSeconds: 90 });
    const timeout = screen.getByLabelText('Give up on the model after (seconds)') as HTMLInputElement;
    fireEvent.input(timeout, { target: { value: '100' } });
    await updateSettings({ target: 'flux', requestTimeoutSeconds: 30 });
    await waitFor(() => expect((screen.getByLabelText('Target') as HTMLSelectElement).value).toBe('flux'));
    expect(timeout.value).toBe('100');
    await waitFor(() => expect(status()).toBe('Saved.'));
    expect(await loadSettings()).toMatchObject({ target: 'flux', requestTimeoutSeconds: 100 });
  });

  it('keeps a base URL that is not an http(s) address out of the saved settings, and says so', async () => {
    await renderWith({ provider: 'custom', baseUrl: 'https://llm.example.com/v1' });
    const field = screen.getByLabelText('Base URL');
    fireEvent.input(field, { target: { value: 'ftp://nope' } });
    fireEvent.focusOut(field);
    await waitFor(() => expect(status()).toBe('Saved, except the base URL: it must be an http(s) address.'));
    expect((await loadSettings()).baseUrl).toBe('https://llm.example.com/v1');
  });
});

describe('options: provider', () => {
  it('asks for host access when a new base URL is left (a user gesture), before anything is awaited, and explains a refusal', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    vi.mocked(requestHostAccess).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await renderWith({ provider: 'ollama', baseUrl: 'http://localhost:11434/v1' });
    expect(screen.getByTestId('host-access').textContent).toContain('Your browser asks whether Promptbrush may connect to localhost');

    const field = screen.getByLabelText('Base URL');
    fireEvent.input(field, { target: { value: 'http://localhost:11435/v1' } });
    fireEvent.change(field);
    // Synchronously: still inside the user gesture.
    expect(requestHostAccess).toHaveBeenCalledWith('http://localhost:11435/v1');
    await waitFor(() => expect(status()).toContain("Answer your browser's question to let Promptbrush connect to localhost."));

    answer(false);
    await waitFor(() => expect(status()).toContain('You refused access to localhost'));
    expect(screen.getByTestId('host-access').textContent).toContain('You refused access to localhost');
    // The settings are saved all the same; the person can allow access later.
    await waitFor(async () => expect((await loadSettings()).baseUrl).toBe('http://localhost:11435/v1'));
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(requestHostAccess).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByTestId('host-access').dataset.state).toBe('granted'));
    expect(status()).not.toContain('refused');
  });

  it('asks for host access inside the Allow access and Test connection clicks', async () => {
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    await renderWith({ provider: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1' });
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(requestHostAccess).toHaveBeenCalledWith('https://openrouter.ai/api/v1');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(requestHostAccess).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByTestId('test-report').textContent).toBe('Connected.'));
  });

  it('never asks for OpenAI itself', async () => {
    await renderWith({});
    expect(screen.queryByTestId('host-access')).toBeNull();
    fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'https://api.openai.com/v1/' } });
    fireEvent.change(screen.getByLabelText('Base URL'));
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('test-report').textContent).toBe('Connected.'));
    expect(requestHostAccess).not.toHaveBeenCalled();
  });

  it('fills the base URL from the preset, shows the final URL, and saves the new endpoint with an automatic model', async () => {
    await renderWith({});
    await updateSettings({ chatModel: 'model-for-openai' });
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'openrouter' } });
    await waitFor(() => expect((screen.getByLabelText('Base URL') as HTMLInputElement).value).toBe('https://openrouter.ai/api/v1'));
    expect(screen.getByTestId('final-url').textContent).toBe('Requests go to https://openrouter.ai/api/v1/chat/completions');
    await waitFor(() => expect(status()).toBe('Saved.'));
    expect(await loadSettings()).toMatchObject({ provider: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', chatModel: '' });
    fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'localhost:8080/v1/chat/completions' } });
    expect(screen.getByTestId('final-url').textContent).toBe('Requests go to http://localhost:8080/v1/chat/completions');
    fireEvent.focusOut(screen.getByLabelText('Base URL'));
    await waitFor(async () => expect((await loadSettings()).baseUrl).toBe('http://localhost:8080/v1'));
    // Once left, the field shows the address as saved.
    expect((screen.getByLabelText('Base URL') as HTMLInputElement).value).toBe('http://localhost:8080/v1');
  });

  it("does not offer Chrome's built-in model where the browser has none, and nothing breaks", async () => {
    await renderWith({});
    const options = [...(screen.getByLabelText('Provider') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['openai', 'openrouter', 'ollama', 'lmstudio', 'custom']);
  });

  it('masks the key and saves it when the field is left, after the settings, never half-typed, and never shows it again', async () => {
    const view = await renderWith({});
    const field = screen.getByLabelText('API key') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: KEY.slice(0, 10) } });
    fireEvent.input(screen.getByLabelText('Give up on the model after (seconds)'), { target: { value: '100' } });
    // The timed save of the other field does not take the half-typed key.
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(sent.some((m) => m.type === 'saveApiKey')).toBe(false);
    expect(status()).toBe('Saving…');

    fireEvent.input(field, { target: { value: KEY } });
    fireEvent.click(screen.getByLabelText('Keep the key only until the browser closes'));
    fireEvent.focusOut(field);
    await waitFor(() => expect(screen.getByTestId('key-status').textContent).toContain('A key is saved for https://api.openai.com/v1'));
    expect(sent.find((m) => m.type === 'saveApiKey')?.payload).toEqual({ apiKey: KEY, sessionOnly: true });
    expect(field.value).toBe('');
    await waitFor(() => expect(status()).toBe('Saved.'));
    expect(view.container.innerHTML).not.toContain(KEY);
  });

  it('does not save a key typed while an earlier save is on its way', async () => {
    await renderWith({});
    const timeout = screen.getByLabelText('Give up on the model after (seconds)');
    fireEvent.input(timeout, { target: { value: '100' } });
    fireEvent.focusOut(timeout);
    // The save above now waits for the background; the key is being typed meanwhile.
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'sk-half' } });
    await waitFor(async () => expect((await loadSettings()).requestTimeoutSeconds).toBe(100));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.some((m) => m.type === 'saveApiKey')).toBe(false);
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('sk-half');
  });

  it('saves a pasted key at once', async () => {
    await renderWith({});
    const field = screen.getByLabelText('API key') as HTMLInputElement;
    field.value = KEY;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    await waitFor(() => expect(sent.find((m) => m.type === 'saveApiKey')?.payload).toEqual({ apiKey: KEY, sessionOnly: false }));
    await waitFor(() => expect(field.value).toBe(''));
  });

  it('removes the key at once, and says so', async () => {
    keyStatus = { hasKey: true, storage: 'local', endpoint: 'https://api.openai.com/v1', ready: true };
    vi.mocked(send).mockImplementationOnce((async () => keyStatus) as typeof send);
    await renderWith({});
    const fallback = vi.mocked(send).getMockImplementation();
    vi.mocked(send).mockImplementation((async (type: string, payload: unknown) =>
      type === 'clearApiKey' ? { hasKey: false, ready: false } : fallback?.(type as never, payload as never)) as typeof send);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove key' }));
    await waitFor(() => expect(status()).toBe('The API key was removed from this browser.'));
    expect(screen.getByTestId('key-status').textContent).toBe('No key saved yet.');
  });

  it('says the saved key is not sent to another endpoint', async () => {
    keyStatus = { hasKey: true, storage: 'local', endpoint: 'https://api.openai.com/v1', ready: false };
    await renderWith({ provider: 'custom', baseUrl: 'https://llm.example.com/v1' });
    await waitFor(() =>
      expect(screen.getByTestId('key-status').textContent).toContain(
        'The saved key is for https://api.openai.com/v1, so it is never sent to https://llm.example.com/v1',
      ),
    );
  });

  it('focuses the field a Fix button points at', async () => {
    location.hash = '#api-key';
    await renderWith({});
    await waitFor(() => expect(document.activeElement?.id).toBe('api-key'));
  });

  it('has an index of its sections', async () => {
    await renderWith({});
    const index = screen.getByRole('navigation', { name: 'Sections' });
    const links = [...index.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Provider', '#section-provider'],
      ['Prompt craft', '#section-craft'],
      ['Image generation', '#section-images'],
      ['External generators', '#section-generators'],
      ['Capture and privacy', '#section-capture'],
      ['Prompts from images', '#section-image-source'],
      ['History', '#section-history'],
      ['Limits', '#section-limits'],
    ]);
    for (const [, href] of links) expect(document.querySelector(href as string)?.tagName).toBe('FIELDSET');
  });
});

describe('the welcome (options.html#welcome)', () => {
  it('chooses a keyless provider, and tries it on the sample paragraph, streaming the job from storage', async () => {
    location.hash = '#welcome';
    await renderWith({});
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Promptbrush');
    fireEvent.click(screen.getByLabelText(/^Ollama \(on this computer\)/));
    await waitFor(async () => expect((await loadSettings()).provider).toBe('ollama'));
    expect(screen.getByLabelText('API key (optional)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Write a prompt' }));
    await waitFor(() =>
      expect(sent.find((m) => m.type === 'expandText')?.payload).toMatchObject({ text: expect.stringContaining('lighthouse') }),
    );
    const job = {
      id: 'job-welcome',
      status: 'expanding',
      trigger: 'popup-text',
      createdAt: 1,
      updatedAt: 1,
      prompt: 'A lighthouse',
      edited: false,
    };
    await jobItem.setValue(job as never);
    await waitFor(() => expect(screen.getByTestId('welcome-prompt').textContent).toBe('A lighthouse'));
    expect(screen.getByTestId('welcome-status').textContent).toBe('Writing the prompt…');
    await jobItem.setValue({ ...job, status: 'ready', prompt: 'A lighthouse keeper at dawn' } as never);
    await waitFor(() => expect(screen.getByTestId('welcome-status').textContent).toBe('Prompt ready.'));
    expect(screen.getByTestId('welcome-prompt').textContent).toBe('A lighthouse keeper at dawn');
  });

  it('shows a failed try in the words of the error table', async () => {
    location.hash = '#welcome';
    await renderWith({});
    fireEvent.click(screen.getByRole('button', { name: 'Write a prompt' }));
    await waitFor(() => expect(sent.some((m) => m.type === 'expandText')).toBe(true));
    await jobItem.setValue({
      id: 'job-welcome',
      status: 'error',
      trigger: 'popup-text',
      createdAt: 1,
      updatedAt: 1,
      prompt: '',
      edited: false,
      error: { kind: 'missing-key' },
    } as never);
    await waitFor(() => expect(screen.getByTestId('welcome-error').textContent).toContain('Add your API key'));
  });
});

describe('options: a plain-http endpoint on the internet', () => {
  it('warns that the key would travel unencrypted, and saves the address only after a confirming click', async () => {
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    await renderWith({ provider: 'custom', baseUrl: 'https://api.example.com/v1' });
    expect(screen.queryByTestId('insecure-endpoint')).toBeNull();
    const field = screen.getByLabelText('Base URL') as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'http://api.example.com/v1' } });
    expect((await screen.findByTestId('insecure-endpoint')).textContent).toContain('would travel unencrypted');
    fireEvent.focusOut(field);
    await waitFor(() => expect(status()).toContain('confirm above'));
    expect((await loadSettings()).baseUrl).toBe('https://api.example.com/v1');
    expect(field.value).toBe('http://api.example.com/v1');

    fireEvent.click(screen.getByTestId('confirm-insecure'));
    await waitFor(() => expect(status()).toBe('Saved.'));
    expect((await loadSettings()).baseUrl).toBe('http://api.example.com/v1');
  });

  it('says nothing for loopback and private addresses', async () => {
    await renderWith({ provider: 'custom', baseUrl: 'http://192.168.1.20:8080/v1' });
    expect(screen.queryByTestId('insecure-endpoint')).toBeNull();
  });
});
