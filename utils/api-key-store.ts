// Browser glue: the API key. Only the background imports this file (a convention test checks);
// the popup and options pages never read the key back, they can only replace or clear it
// through messages.
import { storage } from 'wxt/utils/storage';

export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

export async function readApiKey(): Promise<string> {
  return (await apiKeyItem.getValue()).trim();
}
