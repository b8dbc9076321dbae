// Browser glue: the API key. Only the background imports this file (it lives in utils/background/);
// the popup and options pages never read the key back, they can only replace or clear it
// through messages. The key is saved with the endpoint it is for (utils/key-policy.ts), in
// storage.local, or in storage.session when the person keeps it only until the browser closes.
import { storage } from 'wxt/utils/storage';
import { type Credential, credentialFor, type KeyStatus, keyStatus, type SavedKey } from '../key-policy';
import type { Settings } from '../settings';
import { loadSettings } from '../settings-store';

export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });
const apiKeyEndpointItem = storage.defineItem<string>('local:apiKeyEndpoint', { fallback: '' });
const sessionKeyItem = storage.defineItem<string>('session:apiKey', { fallback: '' });
const sessionKeyEndpointItem = storage.defineItem<string>('session:apiKeyEndpoint', { fallback: '' });

/**
 * A key saved before keys were bound to an endpoint belongs to the endpoint configured when it is
 * first read: that binding is saved at once, so a later change of endpoint can never take the key along.
 */
async function boundEndpoint(endpoint: string, item: typeof apiKeyEndpointItem): Promise<string> {
  if (endpoint) return endpoint;
  const configured = (await loadSettings()).baseUrl;
  await item.setValue(configured);
  return configured;
}

export async function readSavedKey(): Promise<SavedKey | null> {
  const [sessionKey, sessionEndpoint] = await Promise.all([sessionKeyItem.getValue(), sessionKeyEndpointItem.getValue()]);
  if (sessionKey.trim()) {
    return { key: sessionKey.trim(), endpoint: await boundEndpoint(sessionEndpoint, sessionKeyEndpointItem), storage: 'session' };
  }
  const [localKey, localEndpoint] = await Promise.all([apiKeyItem.getValue(), apiKeyEndpointItem.getValue()]);
  if (localKey.trim()) return { key: localKey.trim(), endpoint: await boundEndpoint(localEndpoint, apiKeyEndpointItem), storage: 'local' };
  return null;
}

export async function saveKey(key: string, endpoint: string, sessionOnly: boolean): Promise<void> {
  const [keep, drop] = sessionOnly
    ? [
        [sessionKeyItem, sessionKeyEndpointItem],
        [apiKeyItem, apiKeyEndpointItem],
      ]
    : [
        [apiKeyItem, apiKeyEndpointItem],
        [sessionKeyItem, sessionKeyEndpointItem],
      ];
  await Promise.all(drop.map((item) => item.removeValue()));
  await storage.setItems([
    { item: keep[0]!, value: key },
    { item: keep[1]!, value: endpoint },
  ]);
}

/** Moves the saved key between local (kept) and session (forgotten when the browser closes). */
export async function moveKey(sessionOnly: boolean): Promise<void> {
  const saved = await readSavedKey();
  if (!saved || (saved.storage === 'session') === sessionOnly) return;
  await saveKey(saved.key, saved.endpoint ?? (await loadSettings()).baseUrl, sessionOnly);
}

export async function clearKey(): Promise<void> {
  await Promise.all([apiKeyItem, apiKeyEndpointItem, sessionKeyItem, sessionKeyEndpointItem].map((item) => item.removeValue()));
}

export async function readKeyStatus(): Promise<KeyStatus> {
  const [saved, settings] = await Promise.all([readSavedKey(), loadSettings()]);
  return keyStatus(saved, settings.provider, settings.baseUrl);
}

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
  const [saved, settings] = await Promise.all([readSavedKey(), loadSettings()]);
  const credential = credentialFor({
    saved,
    provider: settings.provider,
    endpoint: settings.baseUrl,
    configuredEndpoint: settings.baseUrl,
  });
  return { settings, credential };
}
