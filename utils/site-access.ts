// Browser glue: the optional host permission of each site a fill row types into ("Open in X").
import { browser } from 'wxt/browser';
import { sitePattern } from './generators';

/**
 * Asks for the one site a fill row types into (`scheme://host/*`). Like requestHostAccess, call it
 * synchronously from the click; once granted the browser answers true at once, without asking again.
 */
export function requestSiteAccess(siteUrl: string): Promise<boolean> {
  const pattern = sitePattern(siteUrl);
  if (!pattern) return Promise.resolve(false);
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Gives back site permissions no fill row uses any more (one at a time: one refusal must not keep the rest). */
export async function releaseSiteAccess(patterns: readonly string[]): Promise<void> {
  for (const pattern of patterns) {
    try {
      await browser.permissions.remove({ origins: [pattern] });
    } catch {
      // A permission the manifest requires (the e2e build's localhost) cannot be removed.
    }
  }
}
