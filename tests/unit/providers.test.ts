import { describe, expect, it } from 'vitest';
import { hostLabel, hostPatternFor, needsHostPermission } from '../../utils/host-patterns';
import { PROVIDER_IDS, PROVIDERS, providerForBaseUrl } from '../../utils/providers';
import { normalizeBaseUrl } from '../../utils/settings';

describe('provider presets', () => {
  it('fill a base URL that is already normalised, and recognise it again', () => {
    for (const id of PROVIDER_IDS) {
      const { baseUrl } = PROVIDERS[id];
      if (!baseUrl) continue;
      expect(normalizeBaseUrl(baseUrl), id).toBe(baseUrl);
      expect(providerForBaseUrl(baseUrl), id).toBe(id);
    }
  });

  it('say which need a key', () => {
    expect(PROVIDER_IDS.filter((id) => !PROVIDERS[id].needsKey).sort()).toEqual(['chrome-builtin', 'lmstudio', 'ollama']);
  });

  it('recognise local servers by their usual port, and anything else as Custom', () => {
    expect(providerForBaseUrl('http://127.0.0.1:11434/v1')).toBe('ollama');
    expect(providerForBaseUrl('http://localhost:1234/v1')).toBe('lmstudio');
    expect(providerForBaseUrl('https://api.groq.com/openai/v1')).toBe('custom');
    expect(providerForBaseUrl('not a url')).toBe('custom');
  });
});

describe('host permissions', () => {
  it('are not needed for OpenAI itself, which answers browser requests', () => {
    expect(needsHostPermission('https://api.openai.com/v1')).toBe(false);
  });

  it('are asked per host, any port, for every other endpoint', () => {
    expect(needsHostPermission('https://openrouter.ai/api/v1')).toBe(true);
    expect(hostPatternFor('https://openrouter.ai/api/v1')).toBe('https://openrouter.ai/*');
    expect(hostPatternFor('http://localhost:11434/v1')).toBe('http://localhost/*');
    expect(hostPatternFor('http://[::1]:1234/v1')).toBe('http://[::1]/*');
    expect(hostPatternFor('ftp://x.org')).toBeNull();
    expect(hostLabel('http://localhost:11434/v1')).toBe('localhost');
  });

  it('ask only for patterns the manifest declares as optional', async () => {
    const { OPTIONAL_HOST_PERMISSIONS } = await import('../../utils/manifest');
    for (const url of ['https://openrouter.ai/api/v1', 'http://localhost:11434/v1', 'http://192.168.1.20:8000/v1']) {
      const scheme = `${new URL(url).protocol}//*/*`;
      expect(OPTIONAL_HOST_PERMISSIONS, url).toContain(scheme);
    }
  });
});
