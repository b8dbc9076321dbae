// Every test runs with the English words: fakeBrowser's i18n answers getMessage from
// public/_locales/en/messages.json the way browsers do (named placeholders, $1…$9, $$).
// A test may switch the locale with useLocale('de').
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetLanguage } from '../../utils/i18n';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

const LOCALES = resolve(import.meta.dirname, '../../public/_locales');

export function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
}

/** What chrome.i18n.getMessage returns for an entry and its substitutions. */
export function formatMessage(entry: MessageEntry, substitutions: string[]): string {
  const named = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  const numbered = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = named[name.toLowerCase()];
      return content === undefined ? whole : numbered(content);
    })
    .replace(/\$\$/g, '$');
}

export function useLocale(locale: string, uiLanguage = locale === 'en' ? 'en-US' : locale): void {
  const messages = readMessages(locale);
  const fallback = locale === 'en' ? messages : readMessages('en');
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, substitutions?: string | string[]) => {
    const entry = messages[key] ?? fallback[key];
    if (!entry) return '';
    return formatMessage(entry, substitutions === undefined ? [] : ([] as string[]).concat(substitutions));
  };
  i18n.getUILanguage = () => uiLanguage;
  resetLanguage();
}

useLocale('en');
