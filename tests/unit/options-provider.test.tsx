// @vitest-environment happy-dom
// The options page's provider form, with the background and the permission prompt faked.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { updateSettings } from '../../utils/background/settings-writer';
import type { KeyStatus } from '../../utils/key-policy';
import { send } from '../../utils/messaging';
import { hasHostAccess, requestHostAccess } from '../../utils/permission-requests';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { SettingsPatch } from '../../utils/settings-patch';
import { loadSettings, settingsItem } from '../../utils/settings-store';

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
    if (type === 'saveApiKey') {
      keyStatus = { hasKey: true, storage: 'local', endpoint: (await loadSettings()).baseUrl, ready: true };
      return keyStatus;
    }
    if (type === 'listModels') return { models: [{ id: 'model-a' }], listed: true };
    if (type === 'testConnection') return { ok: true, message: 'Connected.' };
    // The background's one settings writer, as the real handler calls it.
    if (type === 'updateSettings') return updateSettings((payload as { patch: SettingsPatch }).patch);
    throw new Error(`unexpected ${type}`);
  }) as typeof send);
});
afterEach(() => cleanup());

async function renderWith(settings: Partial<Settings>) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...settings });
  const view = render(<OptionsApp />);
  await screen.findByRole('button', { name: 'Save' });
  return view;
}

describe('options: a plain-http endpoint on the internet', () => {
  it('warns that the key would travel unencrypted, and Save needs a confirming click first', async () => {
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    await renderWith({ provider: 'custom', baseUrl: 'https://api.example.com/v1' });
    expect(screen.queryByTestId('insecure-endpoint')).toBeNull();
    fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'http://api.example.com/v1' } });
    expect((await screen.findByTestId('insecure-endpoint')).textContent).toContain('would travel unencrypted');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('confirm above'));
    expect(sent.filter((m) => m.type === 'updateSettings')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('confirm-insecure'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Settings saved.'));
    expect((await loadSettings()).baseUrl).toBe('http://api.example.com/v1');
  });

  it('says nothing for loopback and private addresses', async () => {
    await renderWith({ provider: 'custom', baseUrl: 'http://192.168.1.20:8080/v1' });
    expect(screen.queryByTestId('insecure-endpoint')).toBeNull();
  });
});

describe('options: provider', () => {
  it('asks for host access inside the Save click, before anything is awaited, and explains a refusal', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    vi.mocked(requestHostAccess).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await renderWith({ provider: 'ollama', baseUrl: 'http://localhost:11434/v1' });
    expect(screen.getByTestId('host-access').textContent).toContain('your browser asks whether Promptbrush may connect to localhost');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Synchronously: still inside the click's user gesture.
    expect(requestHostAccess).toHaveBeenCalledWith('http://localhost:11434/v1');

    answer(false);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('you refused access to localhost'));
    expect(screen.getByTestId('host-access').textContent).toContain('You refused access to localhost');
    // The settings are saved all the same; the person can allow access later.
    expect((await loadSettings()).provider).toBe('ollama');
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(requestHostAccess).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByTestId('host-access').dataset.state).toBe('granted'));
  });

  it('asks for host access inside the Test connection click too', async () => {
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    await renderWith({ provider: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1' });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(requestHostAccess).toHaveBeenCalledWith('https://openrouter.ai/api/v1');
    await waitFor(() => expect(screen.getByTestId('test-report').textContent).toBe('Connected.'));
  });

  it('never asks for OpenAI itself', async () => {
    await renderWith({});
    expect(screen.queryByTestId('host-access')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Settings saved.'));
    expect(requestHostAccess).not.toHaveBeenCalled();
  });

  it('fills the base URL from the preset and shows the final URL', async () => {
    await renderWith({});
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'openrouter' } });
    await waitFor(() => expect((screen.getByLabelText('Base URL') as HTMLInputElement).value).toBe('https://openrouter.ai/api/v1'));
    expect(screen.getByTestId('final-url').textContent).toBe('Requests go to https://openrouter.ai/api/v1/chat/completions');
    fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'localhost:8080/v1/chat/completions' } });
    expect(screen.getByTestId('final-url').textContent).toBe('Requests go to http://localhost:8080/v1/chat/completions');
  });

  it("does not offer Chrome's built-in model where the browser has none, and nothing breaks", async () => {
    await renderWith({});
    const options = [...(screen.getByLabelText('Provider') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['openai', 'openrouter', 'ollama', 'lmstudio', 'custom']);
  });

  it('masks the key, saves it after the settings, and never shows it again', async () => {
    const view = await renderWith({});
    const field = screen.getByLabelText('API key') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: KEY } });
    fireEvent.click(screen.getByLabelText('Keep the key only until the browser closes'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('key-status').textContent).toContain('A key is saved for https://api.openai.com/v1'));
    expect(sent.find((m) => m.type === 'saveApiKey')?.payload).toEqual({ apiKey: KEY, sessionOnly: true });
    expect(field.value).toBe('');
    expect(view.container.innerHTML).not.toContain(KEY);
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

  it('Save sends only the fields the person changed: a chat model the background picked meanwhile stays', async () => {
    await renderWith({ requestTimeoutSeconds: 90 });
    // The background picks the automatic model while the form is open (it still shows none).
    await updateSettings({ chatModel: 'model-picked' });
    fireEvent.input(screen.getByLabelText('Give up on the model after (seconds)'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Settings saved.'));
    expect(sent.filter((m) => m.type === 'updateSettings').map((m) => m.payload)).toEqual([{ patch: { requestTimeoutSeconds: 120 } }]);
    expect(await loadSettings()).toMatchObject({ requestTimeoutSeconds: 120, chatModel: 'model-picked' });
  });

  it("a new endpoint takes the form's chat model with it, even an unchanged empty one", async () => {
    vi.mocked(requestHostAccess).mockResolvedValue(true);
    await renderWith({});
    await updateSettings({ chatModel: 'model-for-openai' });
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'openrouter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Settings saved.'));
    expect(await loadSettings()).toMatchObject({ provider: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', chatModel: '' });
  });

  it('saves nothing when nothing changed', async () => {
    await renderWith({ chatModel: 'model-a' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Settings saved.'));
    expect(sent.filter((m) => m.type === 'updateSettings').map((m) => m.payload)).toEqual([{ patch: {} }]);
  });

  it('focuses the field a Fix button points at', async () => {
    location.hash = '#api-key';
    await renderWith({});
    await waitFor(() => expect(document.activeElement?.id).toBe('api-key'));
  });
});
