// Browser glue: the words of the error table (utils/error-kinds.ts) in the person's language. A
// row's words are messages `error_<kind>_title` and `error_<kind>_message`; a row that has none
// yet shows the English of the table itself.
import { ERROR_KINDS, type ErrorKind, type ErrorKindInfo } from './error-kinds';
import { keyPart, type MessageKey, t } from './i18n';
import { SETTINGS_FIELDS, type SettingsField } from './settings-fields';

export interface ErrorWords {
  title: string;
  message: string;
}

/** A message by a key built from data, or `fallback` when the locale files have no such key. */
function worded(key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

export function errorWords(kind: ErrorKind): ErrorWords {
  const info: ErrorKindInfo = ERROR_KINDS[kind];
  const id = keyPart(kind);
  return { title: worded(`error_${id}_title`, info.title), message: worded(`error_${id}_message`, info.message) };
}

/** "Title: message (detail)", as one line (Test connection's report). */
export function errorLine(error: { kind: ErrorKind; detail?: string }): string {
  const { title, message } = errorWords(error.kind);
  return error.detail ? t('error_line_detail', title, message, error.detail) : t('error_line', title, message);
}

/** The label of the button that opens Settings on the field that fixes a problem. */
export function fixLabel(field: SettingsField): string {
  return worded(`fix_${keyPart(field)}`, SETTINGS_FIELDS[field]);
}
