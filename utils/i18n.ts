// Browser glue: the words of every page, from public/_locales/<language>/messages.json through
// browser.i18n (the browser picks the person's language, English when it has none of theirs).
// Keys are typed from the English file; numbers and dates follow the language the words are in.
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import { formatBytes } from './bytes';

export type MessageKey = keyof typeof en;
/** Keys that come in plural forms: `<base>_one`, `<base>_other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

type Substitution = string | number;

let language: string | undefined;

/** browser.i18n.getMessage without WXT's per-key overloads (keys are checked as MessageKey here). */
const getMessage = (key: string, substitutions?: string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);

/**
 * The language of the words shown (the `ui_language` message of the locale the browser chose),
 * refined by the browser's own region when it is the same language ("en-GB", "de-AT").
 */
export function uiLanguage(): string {
  if (language) return language;
  const words = getMessage('ui_language') || 'en';
  let browserLanguage = '';
  try {
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    // Not offered in this context.
  }
  language = browserLanguage.toLowerCase().split(/[-_]/)[0] === words ? browserLanguage.replace('_', '-') : words;
  return language;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLanguage(), options).format(value);
}

export function formatDate(time: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(uiLanguage(), options).format(time);
}

/** A size in bytes as the language writes it: 1.5 KB, 1,5 KB. */
export function formatSize(bytes: number): string {
  return formatBytes(bytes, uiLanguage());
}

/** A calendar day ("2026-12-01", or seconds since 1970) as the language writes it: 1 Dec 2026. */
export function formatDay(day: string | number): string {
  const time = typeof day === 'number' ? day * 1000 : Date.parse(`${day}T00:00:00Z`);
  return formatDate(time, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** The message for `key`, with `$1`… filled in (numbers formatted for the language). */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const filled = substitutions.map((value) => (typeof value === 'number' ? formatNumber(value) : value));
  return getMessage(key, filled) || key;
}

/** The plural form of `<base>_one` / `<base>_other` for `count`, which is `$1`. */
export function tn(base: PluralKey, count: number, ...substitutions: Substitution[]): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, count, ...substitutions);
}

/** A message key from a data table's id ("missing-key" → "missing_key"): keys take no hyphens. */
export type KeyPart<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${KeyPart<B>}` : S;
export function keyPart<S extends string>(id: S): KeyPart<S> {
  return id.replace(/-/g, '_') as KeyPart<S>;
}

/** Forgets the language (tests switch locales). */
export function resetLanguage(): void {
  language = undefined;
}
