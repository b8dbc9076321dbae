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
    ['https://api.openai.com/v1/chat/completions/', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/responses', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/images/generations', 'https://api.openai.com/v1'],
    ['http://localhost:11434', 'http://localhost:11434/v1'],
    ['http://localhost:11434/v1/models', 'http://localhost:11434/v1'],
    ['http://localhost:11434/api/chat', 'http://localhost:11434/v1'],
    ['localhost:1234', 'http://localhost:1234/v1'],
    ['127.0.0.1:8080/v1/', 'http://127.0.0.1:8080/v1'],
    ['api.openai.com', 'https://api.openai.com/v1'],
    ['api.groq.com/openai/v1/chat/completions', 'https://api.groq.com/openai/v1'],
    ['https://openrouter.ai', 'https://openrouter.ai/api/v1'],
    ['https://openrouter.ai/api', 'https://openrouter.ai/api/v1'],
    ['https://openrouter.ai/api/v1/chat/completions', 'https://openrouter.ai/api/v1'],
    ['HTTPS://API.OPENAI.COM/v1', 'https://api.openai.com/v1'],
    ['http://[::1]:11434', 'http://[::1]:11434/v1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'hello',
    'ftp://x.org',
    'javascript:alert(1)',
    'https://user:sk-secret@example.com/v1',
    'sk-abc123',
    'file:///etc/passwd',
  ])('rejects %j', (input) => {
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
      idleTimeoutSeconds: 1,
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      provider: 'lmstudio',
      baseUrl: 'http://localhost:1234/v1',
      chatModel: 'm',
      maxSelectionChars: 200,
      requestTimeoutSeconds: 240,
      idleTimeoutSeconds: 5,
    });
  });

  it('keeps each page-context switch, and defaults the missing or broken ones (query string off)', () => {
    expect(DEFAULT_SETTINGS.context).toEqual({ title: true, url: true, urlQuery: false, heading: true, surrounding: true });
    expect(validateSettings({ context: { title: false, urlQuery: true, heading: 'no', surrounding: 0 } }).context).toEqual({
      title: false,
      url: true,
      urlQuery: true,
      heading: true,
      surrounding: true,
    });
    expect(validateSettings({ context: 'off' }).context).toEqual(DEFAULT_SETTINGS.context);
  });

  it('replaces an invalid base URL with the default', () => {
    expect(validateSettings({ baseUrl: 'not a url' }).baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
  });

  it('clamps the history caps', () => {
    expect(validateSettings({ historyMaxItems: 1, historyMaxMB: 1e9 })).toMatchObject({ historyMaxItems: 10, historyMaxMB: 5000 });
    expect(validateSettings({ historyMaxItems: 'x' })).toMatchObject({ historyMaxItems: DEFAULT_SETTINGS.historyMaxItems });
  });
});

describe('provider', () => {
  it('keeps a valid preset and derives one for settings saved before presets existed', () => {
    expect(validateSettings({ provider: 'ollama', baseUrl: 'http://10.0.0.5:11434/v1' }).provider).toBe('ollama');
    expect(validateSettings({ baseUrl: 'https://openrouter.ai/api/v1' }).provider).toBe('openrouter');
    expect(validateSettings({ baseUrl: 'http://localhost:11434/v1' }).provider).toBe('ollama');
    expect(validateSettings({ baseUrl: 'http://127.0.0.1:5555/v1' }).provider).toBe('custom');
    expect(validateSettings({ provider: 'nonsense', baseUrl: 'https://api.openai.com/v1' }).provider).toBe('openai');
    expect(validateSettings({}).provider).toBe('openai');
  });
});
