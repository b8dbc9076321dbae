// Every word the popup and side panel show, keyed: the words are the `popup_<key>` messages of
// public/_locales/<language>/messages.json (English and German), read through browser.i18n.
import { type MessageKey, t as message } from '../../utils/i18n';

/** The popup's keys: every `popup_…` message of the English file. */
export type PopupStringKey = MessageKey extends infer K ? (K extends `popup_${infer Key}` ? Key : never) : never;

/** The string for `key`, with `$1`, `$2`… filled by `subs` (numbers in the language's form). */
export function t(key: PopupStringKey, ...subs: (string | number)[]): string {
  return message(`popup_${key}` as MessageKey, ...subs);
}

const isMac = (platform: string) => /mac|iphone|ipad/i.test(platform);
const platformNow = () => globalThis.navigator?.platform ?? '';

/** The platform's main modifier, as its keyboards print it: ⌘ on a Mac, Ctrl elsewhere. */
export function primaryModifier(platform = platformNow()): string {
  return isMac(platform) ? '⌘' : 'Ctrl';
}

/** The copy shortcut (Ctrl+Shift+C, ⌘⇧C on a Mac) as the platform writes it. */
export function copyShortcut(platform = platformNow()): string {
  return isMac(platform) ? '⌘⇧C' : 'Ctrl+Shift+C';
}
