// The locale files: every key in English is in German and the other way round, with the same
// placeholders; the keys built from data tables exist; the manifest's words are there.
import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS } from '../../utils/aspect-ratios';
import { BUILTIN_STATES } from '../../utils/builtin-model';
import { ERROR_KINDS, type ErrorKind } from '../../utils/error-kinds';
import { errorWords, fixLabel } from '../../utils/error-words';
import { keyPart, t } from '../../utils/i18n';
import { IMAGE_QUALITIES } from '../../utils/image-settings';
import { buildManifest } from '../../utils/manifest';
import { PROVIDER_IDS } from '../../utils/providers';
import { SETTINGS_FIELDS, type SettingsField } from '../../utils/settings-fields';
import { STYLE_PRESETS } from '../../utils/styles';
import { TARGETS } from '../../utils/targets';
import { type Messages, readMessages, useLocale } from '../setup/i18n';

const LOCALES = ['en', 'de'];
const placeholdersIn = (text: string) =>
  [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => (match[1] as string).toLowerCase()).sort();

/** What is wrong between two locales, one line each. */
function localeProblems(locales: Record<string, Messages>): string[] {
  const problems: string[] = [];
  const [first, ...others] = Object.keys(locales);
  const base = locales[first as string] as Messages;
  for (const [name, messages] of Object.entries(locales)) {
    for (const [key, entry] of Object.entries(messages)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${name}: key ${key} has characters browsers refuse`);
      const used = placeholdersIn(entry.message);
      const declared = Object.keys(entry.placeholders ?? {}).sort();
      for (const placeholder of used)
        if (!declared.includes(placeholder)) problems.push(`${name}: ${key} uses $${placeholder}$ undeclared`);
      if (/\$\d/.test(entry.message.replace(/\$\$/g, ''))) problems.push(`${name}: ${key} has a bare $n (use a named placeholder)`);
      if (key.endsWith('_one') && !(`${key.slice(0, -4)}_other` in messages)) problems.push(`${name}: ${key} has no _other form`);
    }
  }
  for (const name of others) {
    const other = locales[name] as Messages;
    for (const key of Object.keys(base)) if (!(key in other)) problems.push(`${name}: missing ${key}`);
    for (const key of Object.keys(other)) if (!(key in base)) problems.push(`${name}: ${key} is not in ${first}`);
    for (const [key, entry] of Object.entries(base)) {
      const theirs = other[key];
      if (!theirs) continue;
      if (placeholdersIn(entry.message).join() !== placeholdersIn(theirs.message).join()) {
        problems.push(
          `${name}: ${key} has placeholders ${placeholdersIn(theirs.message)} where ${first} has ${placeholdersIn(entry.message)}`,
        );
      }
      if (JSON.stringify(entry.placeholders ?? {}) !== JSON.stringify(theirs.placeholders ?? {})) {
        problems.push(`${name}: ${key} maps its placeholders differently from ${first}`);
      }
    }
  }
  return problems;
}

describe('locales', () => {
  const locales = Object.fromEntries(LOCALES.map((locale) => [locale, readMessages(locale)]));

  it('have the same keys and the same placeholders', () => {
    expect(localeProblems(locales)).toEqual([]);
    expect(Object.keys(locales.en as Messages).length).toBeGreaterThan(300);
  });

  it('fail when a key or a placeholder is missing in a locale', () => {
    const en: Messages = {
      a: { message: 'Hello $NAME$', placeholders: { name: { content: '$1' } } },
      b: { message: 'Bye' },
      c_one: { message: 'one' },
    };
    const de: Messages = { a: { message: 'Hallo' }, c_one: { message: 'eins' }, extra: { message: 'x' } };
    expect(localeProblems({ en, de })).toEqual([
      'en: c_one has no _other form',
      'de: c_one has no _other form',
      'de: missing b',
      'de: extra is not in en',
      'de: a has placeholders  where en has name',
      'de: a maps its placeholders differently from en',
    ]);
  });

  it('name every row of the tables whose words they hold', () => {
    const en = locales.en as Messages;
    const keys = [
      ...PROVIDER_IDS.flatMap((id) => [`provider_${keyPart(id)}_label`, `provider_${keyPart(id)}_hint`]),
      ...TARGETS.flatMap((row) => [`target_${keyPart(row.id)}`, `menu_for_${keyPart(row.id)}`]),
      ...STYLE_PRESETS.map((row) => `style_${keyPart(row.id)}`),
      ...ASPECT_RATIOS.map((row) => `aspect_${row.id.replace(':', '_')}`),
      ...Object.keys(BUILTIN_STATES).map((state) => `builtin_${state}`),
      ...IMAGE_QUALITIES.map((quality) => `images_quality_${quality}`),
      ...Object.keys(SETTINGS_FIELDS).map((field) => `fix_${keyPart(field)}`),
      ...Object.keys(ERROR_KINDS).flatMap((kind) => [`error_${keyPart(kind)}_title`, `error_${keyPart(kind)}_message`]),
    ];
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });

  it("hold the error table's English as it is, and German words for every row", () => {
    for (const kind of Object.keys(ERROR_KINDS) as ErrorKind[]) {
      expect(errorWords(kind), kind).toEqual({ title: ERROR_KINDS[kind].title, message: ERROR_KINDS[kind].message });
    }
    for (const field of Object.keys(SETTINGS_FIELDS) as SettingsField[]) expect(fixLabel(field)).toBe(SETTINGS_FIELDS[field]);
    useLocale('de');
    try {
      expect(errorWords('missing-key').title).toBe('Füge deinen API-Schlüssel hinzu');
      expect(t('save_saved')).toBe('Gespeichert.');
    } finally {
      useLocale('en');
    }
  });

  it('give the manifest its name, description and command in every language', () => {
    const manifest = buildManifest({ browser: 'chrome', e2e: false });
    expect(manifest.default_locale).toBe('en');
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] as string);
    expect(used).toEqual(expect.arrayContaining(['extension_name', 'extension_description', 'command_capture']));
    for (const locale of LOCALES) {
      const messages = locales[locale] as Messages;
      for (const key of used) expect(messages[key]?.message, `${locale} ${key}`).toBeTruthy();
      // The stores' limit for a description.
      expect((messages.extension_description?.message ?? '').length, locale).toBeLessThanOrEqual(132);
    }
  });
});
