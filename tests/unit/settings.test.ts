import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeBaseUrl, validateSettings } from '../../utils/settings';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://api.openai.com/v1', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/', 'https://api.openai.com/v1'],
    ['https://api.openai.com', 'https://api.openai.com/v1'],
    ['https://api.openai.com/', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/models', 'https://api.openai.com/v1'],
    ['  http://localhost:11434/v1  ', 'http://localhost:11434/v1'],
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1'],
    ['https://example.com/v1?x=1#y', 'https://example.com/v1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each(['', 'api.openai.com', 'ftp://x.org', 'javascript:alert(1)'])('rejects %j', (input) => {
    expect(normalizeBaseUrl(input)).toBeNull();
  });
});

describe('validateSettings', () => {
  it('fills defaults for missing or broken input', () => {
    expect(validateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings({ baseUrl: 42, chatModel: null })).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and clamps numbers into range', () => {
    const settings = validateSettings({
      baseUrl: 'http://localhost:1234/',
      chatModel: ' m ',
      maxSelectionChars: 5,
      requestTimeoutSeconds: 10_000,
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      baseUrl: 'http://localhost:1234/v1',
      chatModel: 'm',
      maxSelectionChars: 200,
      requestTimeoutSeconds: 240,
    });
  });

  it('replaces an invalid base URL with the default', () => {
    expect(validateSettings({ baseUrl: 'not a url' }).baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
  });
});
