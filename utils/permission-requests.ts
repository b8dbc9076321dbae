// Browser glue: the optional host permission an endpoint other than OpenAI's needs.
import { browser } from 'wxt/browser';
import { hostPatternFor, needsHostPermission } from './host-patterns';

/**
 * Asks the browser for access to the endpoint's host. Call it synchronously from a click
 * handler, before any await: browsers show the prompt only during a user gesture. Resolves true
 * when access is granted (or not needed), false when the person refused.
 */
export function requestHostAccess(baseUrl: string, ...others: string[]): Promise<boolean> {
  // One request for every endpoint (the chat provider's, the image backend's): one prompt, one gesture.
  const origins = [...new Set([baseUrl, ...others].filter(needsHostPermission).map(hostPatternFor))].filter((p): p is string => !!p);
  if (origins.length === 0) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Whether the endpoint can be reached without CORS (granted, or not needed). */
export async function hasHostAccess(baseUrl: string): Promise<boolean> {
  const pattern = hostPatternFor(baseUrl);
  if (!pattern || !needsHostPermission(baseUrl)) return true;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}
