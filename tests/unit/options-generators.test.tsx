// @vitest-environment happy-dom
// Settings › External generators: saving a list without a fill row gives its site permission back
// (removing the row, or restoring defaults over a Custom site), but never the provider's endpoint.
// Each change saves itself.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { settingsItem } from '../../utils/background/settings-item';
import { customSite } from '../../utils/generator-edits';
import { DEFAULT_GENERATORS } from '../../utils/generators';
import { send } from '../../utils/messaging';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../../utils/settings';
import { loadSettings } from '../../utils/settings-store';
import { releaseSiteAccess } from '../../utils/site-access';

vi.mock('../../utils/site-access', () => ({ releaseSiteAccess: vi.fn(async () => undefined) }));
vi.mock('../../utils/permission-requests', () => ({ requestHostAccess: vi.fn(async () => true), hasHostAccess: vi.fn(async () => true) }));
vi.mock('../../utils/messaging', () => ({ send: vi.fn() }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => []) as never);
  vi.mocked(send).mockImplementation((async (type: string, payload: unknown) => {
    // The background's settings writer: the patch's named fields over what is stored.
    if (type === 'updateSettings') {
      const next = validateSettings({ ...(await loadSettings()), ...(payload as { patch: Partial<Settings> }).patch });
      await settingsItem.setValue(next);
      return next;
    }
    if (type === 'getKeyStatus') return { hasKey: true, ready: true, storage: 'local', endpoint: DEFAULT_SETTINGS.baseUrl };
    throw new Error(`unexpected ${type}`);
  }) as typeof send);
  vi.mocked(releaseSiteAccess).mockClear();
});
afterEach(() => cleanup());

async function renderWith(settings: Partial<Settings>) {
  await settingsItem.setValue(validateSettings({ ...DEFAULT_SETTINGS, ...settings }));
  render(<OptionsApp />);
  await screen.findByTestId('save-status');
}

async function saved() {
  await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved.'));
}

describe('options: generators and site permissions', () => {
  it('removing a fill row gives its site back, once; other changes give nothing back', async () => {
    await renderWith({});
    fireEvent.click(screen.getByRole('button', { name: 'Remove Krea' }));
    await saved();
    expect(releaseSiteAccess).toHaveBeenCalledTimes(1);
    expect(releaseSiteAccess).toHaveBeenLastCalledWith(['https://www.krea.ai/*']);
    fireEvent.click(screen.getByLabelText('Offer ChatGPT'));
    await waitFor(async () => expect((await loadSettings()).generators.find((g) => g.id === 'chatgpt')?.enabled).toBe(false));
    await saved();
    expect(releaseSiteAccess).toHaveBeenCalledTimes(2);
    expect(releaseSiteAccess).toHaveBeenLastCalledWith([]);
    fireEvent.input(screen.getByLabelText('Give up on the model after (seconds)'), { target: { value: '100' } });
    await waitFor(async () => expect((await loadSettings()).requestTimeoutSeconds).toBe(100));
    expect(releaseSiteAccess).toHaveBeenCalledTimes(2);
  });

  it('restoring defaults gives back a Custom site, but not the host the provider endpoint needs', async () => {
    const studio = customSite('http://localhost:3000/studio', '', DEFAULT_GENERATORS) as Settings['generators'][number];
    const ollama = customSite('http://127.0.0.1:8080/', '', [studio]) as Settings['generators'][number];
    await renderWith({ generators: [...DEFAULT_GENERATORS, studio, ollama], provider: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' });
    fireEvent.click(screen.getByRole('button', { name: 'Restore defaults' }));
    await saved();
    expect(releaseSiteAccess).toHaveBeenLastCalledWith(['http://localhost/*']);
  });
});
