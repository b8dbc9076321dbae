// The key, tighter: plain-http endpoints on the internet, permissions of endpoints left behind,
// keys saved before binding, and who may hold the job-watch port.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followEndpointWithHostAccess } from '../../utils/background/endpoint-access';
import { readKeyStatus, readSavedKey } from '../../utils/background/key-store';
import { settingsItem } from '../../utils/background/settings-item';
import { updateSettings } from '../../utils/background/settings-writer';
import { onConnect } from '../../utils/background/wiring';
import { hostPatternsLeft, isInsecureRemote, isLocalHost } from '../../utils/host-patterns';
import { DEFAULT_SETTINGS } from '../../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('plain http', () => {
  it.each([
    'localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.20',
    '169.254.1.1',
    '100.100.1.1',
    '[::1]',
    'fd12:3456::1',
    'nas.local',
    'box.lan',
  ])('%s is local', (host) => expect(isLocalHost(host)).toBe(true));
  it.each(['api.example.com', '8.8.8.8', '172.32.0.1', '11.0.0.1', '2001:db8::1'])('%s is not', (host) =>
    expect(isLocalHost(host)).toBe(false),
  );

  it('only plain http to a host on the internet is insecure', () => {
    expect(isInsecureRemote('http://api.example.com/v1')).toBe(true);
    expect(isInsecureRemote('https://api.example.com/v1')).toBe(false);
    expect(isInsecureRemote('http://localhost:11434/v1')).toBe(false);
    expect(isInsecureRemote(null)).toBe(false);
  });
});

describe('host permissions of endpoints left behind', () => {
  const at = (baseUrl: string) => ({ ...DEFAULT_SETTINGS, baseUrl });
  it('gives back the old host when nothing in the settings points at it any more', () => {
    expect(hostPatternsLeft(at('https://openrouter.ai/api/v1'), at('http://localhost:11434/v1'))).toEqual(['https://openrouter.ai/*']);
  });
  it('keeps it when the endpoint stays on the same host, or another setting still uses it', () => {
    expect(hostPatternsLeft(at('http://localhost:11434/v1'), at('http://localhost:1234/v1'))).toEqual([]);
    const stillUsed = {
      ...at('https://api.openai.com/v1'),
      images: { ...DEFAULT_SETTINGS.images, backendUrl: 'https://openrouter.ai/api/v1' },
    };
    expect(hostPatternsLeft(at('https://openrouter.ai/api/v1'), stillUsed)).toEqual([]);
  });
  it('the background removes it once the new endpoint is saved', async () => {
    const remove = vi.fn(async () => true);
    Object.assign(fakeBrowser, { permissions: { remove } });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, baseUrl: 'https://openrouter.ai/api/v1', provider: 'openrouter' });
    followEndpointWithHostAccess();
    await updateSettings({ provider: 'ollama', baseUrl: 'http://localhost:11434/v1' });
    await vi.waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: ['https://openrouter.ai/*'] }));
  });

  it('has nothing to give back for OpenAI, which needs no permission', () => {
    expect(hostPatternsLeft(at('https://api.openai.com/v1'), at('http://localhost:11434/v1'))).toEqual([]);
  });
});

describe('a key saved before keys were bound to an endpoint', () => {
  it('is bound on first read to the endpoint configured then, and the binding is saved', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, baseUrl: 'https://openrouter.ai/api/v1', provider: 'openrouter' });
    await fakeBrowser.storage.local.set({ apiKey: 'sk-or-legacy-123456' });
    expect(await readSavedKey()).toEqual({ key: 'sk-or-legacy-123456', endpoint: 'https://openrouter.ai/api/v1', storage: 'local' });
    expect(await fakeBrowser.storage.local.get('apiKeyEndpoint')).toEqual({ apiKeyEndpoint: 'https://openrouter.ai/api/v1' });
    // Moving to another endpoint no longer takes the key along.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, baseUrl: 'http://localhost:1234/v1', provider: 'custom' });
    expect(await readKeyStatus()).toMatchObject({ hasKey: true, endpoint: 'https://openrouter.ai/api/v1', ready: false });
  });
});

describe('the job-watch port', () => {
  const port = (sender: { id?: string; url?: string }, name = 'job-watch') => ({ name, sender, disconnect: vi.fn() });
  const origin = () => new URL(fakeBrowser.runtime.getURL('/')).origin;

  it('is kept for the extension’s own pages', () => {
    const own = port({ id: fakeBrowser.runtime.id, url: `${origin()}/popup.html` });
    onConnect(own);
    expect(own.disconnect).not.toHaveBeenCalled();
  });

  it('is refused to web pages, other extensions and other names', () => {
    for (const other of [
      port({ id: fakeBrowser.runtime.id, url: 'https://evil.example/' }),
      port({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }),
      port({}),
      port({ id: fakeBrowser.runtime.id, url: `${origin()}/popup.html` }, 'keep-alive'),
    ]) {
      onConnect(other);
      expect(other.disconnect).toHaveBeenCalled();
    }
  });
});
