// The settings a Fix button can lead to: the options page focuses the field named in its URL's
// hash (options.html#api-key). Pure.

export const SETTINGS_FIELDS = {
  provider: 'Choose the provider',
  'base-url': 'Check the base URL',
  'api-key': 'Check the API key',
  'chat-model': 'Choose another model',
  timeout: 'Change the time limit',
  'idle-timeout': 'Change the wait for a silent answer',
  'max-chars': 'Change the text limit',
  'image-source': 'Turn on prompts from images',
  'image-base-url': 'Check the image address',
  'image-model': 'Choose another image model',
  'image-workflow': 'Check the workflow',
} as const;

export type SettingsField = keyof typeof SETTINGS_FIELDS;

export function isSettingsField(value: unknown): value is SettingsField {
  return typeof value === 'string' && Object.hasOwn(SETTINGS_FIELDS, value);
}

/** The field named by a URL hash ("#api-key"), if it is one. */
export function fieldFromHash(hash: string): SettingsField | undefined {
  const name = hash.replace(/^#/, '');
  return isSettingsField(name) ? name : undefined;
}
