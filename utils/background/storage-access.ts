// Browser glue: keeps web pages' scripts away from the extension's storage.
import { browser } from 'wxt/browser';

type Restrictable = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> };

/**
 * Restricts storage.local (settings and the API key) to the extension's own pages and worker,
 * where the browser supports it. Chrome has `setAccessLevel` on every storage area (measured on
 * Chromium 156: it exists on storage.local, succeeds, and a script injected into a page then
 * gets "Access to storage is not allowed from this context"). storage.session is restricted by
 * default. Firefox has no setAccessLevel; there no script of ours in a page has storage access
 * (the capture script uses no extension API). Returns whether the restriction is in place.
 */
export async function restrictStorageToExtension(): Promise<boolean> {
  const local = browser.storage.local as unknown as Restrictable;
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
