// Browser glue: the API keys. Only the background imports this file (it lives in utils/background/);
// the popup and options pages never read a key back, they can only replace or clear it through
// messages. A key is saved with the endpoint it is for (utils/key-policy.ts), in storage.local, or
// in storage.session when the person keeps it only until the browser closes. Two slots: the chat
// provider's key, and the image backend's when it has an endpoint of its own.
import { storage } from 'wxt/utils/storage';
import {
  type Credential,
  credentialFor,
  type ImageEndpoint,
  imageCredentialFor,
  imageEndpoint,
  type KeyStatus,
  keyStatus,
  type SavedKey,
} from '../key-policy';
import type { Settings } from '../settings';
import { loadMigratedSettings } from './settings-item';

/** One saved key and its endpoint, kept in local or session storage. */
function keySlot(name: 'apiKey' | 'imageApiKey') {
  const localKey = storage.defineItem<string>(`local:${name}`, { fallback: '' });
  const localEndpoint = storage.defineItem<string>(`local:${name}Endpoint`, { fallback: '' });
  const sessionKey = storage.defineItem<string>(`session:${name}`, { fallback: '' });
  const sessionEndpoint = storage.defineItem<string>(`session:${name}Endpoint`, { fallback: '' });
  const all = [localKey, localEndpoint, sessionKey, sessionEndpoint];

  /**
   * A key saved before keys were bound to an endpoint belongs to the endpoint `bindTo` names when
   * it is first read: that binding is saved at once, so a later change of endpoint can never take
   * the key along.
   */
  async function bound(endpoint: string, item: typeof localEndpoint, bindTo?: () => Promise<string>): Promise<string | undefined> {
    if (endpoint || !bindTo) return endpoint || undefined;
    const configured = await bindTo();
    await item.setValue(configured);
    return configured;
  }

  async function read(bindTo?: () => Promise<string>): Promise<SavedKey | null> {
    const [key, endpoint] = await Promise.all([sessionKey.getValue(), sessionEndpoint.getValue()]);
    if (key.trim()) return { key: key.trim(), endpoint: await bound(endpoint, sessionEndpoint, bindTo), storage: 'session' };
    const [kept, keptEndpoint] = await Promise.all([localKey.getValue(), localEndpoint.getValue()]);
    if (kept.trim()) return { key: kept.trim(), endpoint: await bound(keptEndpoint, localEndpoint, bindTo), storage: 'local' };
    return null;
  }

  async function save(key: string, endpoint: string, sessionOnly: boolean): Promise<void> {
    const [keep, drop] = sessionOnly
      ? [
          [sessionKey, sessionEndpoint],
          [localKey, localEndpoint],
        ]
      : [
          [localKey, localEndpoint],
          [sessionKey, sessionEndpoint],
        ];
    await Promise.all(drop.map((item) => item.removeValue()));
    await storage.setItems([
      { item: keep[0]!, value: key },
      { item: keep[1]!, value: endpoint },
    ]);
  }

  /** Moves the saved key between local (kept) and session (forgotten when the browser closes). */
  async function move(sessionOnly: boolean, endpointIfUnbound: () => Promise<string>): Promise<void> {
    const saved = await read();
    if (!saved || (saved.storage === 'session') === sessionOnly) return;
    await save(saved.key, saved.endpoint ?? (await endpointIfUnbound()), sessionOnly);
  }

  async function clear(): Promise<void> {
    await Promise.all(all.map((item) => item.removeValue()));
  }

  return { localKey, read, save, move, clear };
}

const chatKey = keySlot('apiKey');
export const apiKeyItem = chatKey.localKey;
const configuredBaseUrl = async () => (await loadMigratedSettings()).baseUrl;
/** The chat provider's key; one saved before binding is bound to the configured endpoint on this read. */
export const readSavedKey = () => chatKey.read(configuredBaseUrl);
export const saveKey = chatKey.save;
export const clearKey = chatKey.clear;

/** Moves the saved key between local (kept) and session (forgotten when the browser closes). */
export const moveKey = (sessionOnly: boolean) => chatKey.move(sessionOnly, configuredBaseUrl);

export async function readKeyStatus(): Promise<KeyStatus> {
  const [saved, settings] = await Promise.all([readSavedKey(), loadMigratedSettings()]);
  return keyStatus(saved, settings.provider, settings.baseUrl);
}

const imageSlot = keySlot('imageApiKey');

/** The image backend's own key (when it does not share the chat provider's). */
export const imageKey = {
  read: imageSlot.read,
  clear: imageSlot.clear,
  /** Saves the key for the image endpoint in the saved settings. */
  async save(key: string, sessionOnly: boolean): Promise<void> {
    await imageSlot.save(key, imageEndpoint(await loadMigratedSettings()).baseUrl, sessionOnly);
  },
  move: (sessionOnly: boolean) => imageSlot.move(sessionOnly, async () => imageEndpoint(await loadMigratedSettings()).baseUrl),
  async status(): Promise<KeyStatus> {
    const [saved, settings] = await Promise.all([imageSlot.read(), loadMigratedSettings()]);
    const endpoint = imageEndpoint(settings);
    if (endpoint.sharesChat) return readKeyStatus();
    const ready = 'apiKey' in imageCredentialFor({ saved, backend: endpoint.backend, endpoint: endpoint.baseUrl });
    return saved
      ? { hasKey: true, storage: saved.storage, ...(saved.endpoint ? { endpoint: saved.endpoint } : {}), ready }
      : { hasKey: false, ready };
  },
};

/** What one run works with, read once at its start: the settings, and the key for their endpoint. */
export interface RunSnapshot {
  settings: Settings;
  /** For `settings.baseUrl` only: a run sends it nowhere else, whatever is saved meanwhile. */
  credential: Credential;
}

/**
 * The settings and, from the same read, the bearer token for their endpoint: the key saved for
 * it, a placeholder for providers that need none, or the error to show when a key is needed and
 * none is saved for this endpoint.
 */
export async function readRunSnapshot(): Promise<RunSnapshot> {
  const [saved, settings] = await Promise.all([readSavedKey(), loadMigratedSettings()]);
  const credential = credentialFor({
    saved,
    provider: settings.provider,
    endpoint: settings.baseUrl,
    configuredEndpoint: settings.baseUrl,
  });
  return { settings, credential };
}

/** What an image run works with: the settings, where the backend is, and the key for exactly that endpoint. */
export interface ImageRunSnapshot extends RunSnapshot {
  endpoint: ImageEndpoint;
}

export async function readImageRunSnapshot(): Promise<ImageRunSnapshot> {
  const [chat, savedImageKey] = await Promise.all([readRunSnapshot(), imageSlot.read()]);
  const endpoint = imageEndpoint(chat.settings);
  if (endpoint.sharesChat) return { ...chat, endpoint };
  const credential = imageCredentialFor({ saved: savedImageKey, backend: endpoint.backend, endpoint: endpoint.baseUrl });
  return { settings: chat.settings, credential, endpoint };
}
