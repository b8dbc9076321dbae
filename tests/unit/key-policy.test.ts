import { describe, expect, it } from 'vitest';
import { credentialFor, keyStatus, NO_KEY, type SavedKey } from '../../utils/key-policy';

const OPENAI = 'https://api.openai.com/v1';
const ROUTER = 'https://openrouter.ai/api/v1';
const saved: SavedKey = { key: 'sk-openai-123456', endpoint: OPENAI, storage: 'local' };

describe('credentialFor', () => {
  it('sends the saved key to the endpoint it was saved for', () => {
    expect(credentialFor({ saved, provider: 'openai', endpoint: OPENAI, configuredEndpoint: OPENAI })).toEqual({ apiKey: saved.key });
  });

  it('never sends the saved key to another endpoint, and says why', () => {
    const result = credentialFor({ saved, provider: 'openrouter', endpoint: ROUTER, configuredEndpoint: OPENAI });
    expect(result).toMatchObject({ error: { kind: 'missing-key' } });
    expect(JSON.stringify(result)).not.toContain(saved.key);
    expect(JSON.stringify(result)).toContain(`is for ${OPENAI}`);
  });

  it('not even when the other endpoint is the one configured now', () => {
    expect('error' in credentialFor({ saved, provider: 'custom', endpoint: ROUTER, configuredEndpoint: ROUTER })).toBe(true);
  });

  it('uses a key typed beside the URL for that URL', () => {
    expect(credentialFor({ saved, typed: ' sk-router ', provider: 'openrouter', endpoint: ROUTER, configuredEndpoint: OPENAI })).toEqual({
      apiKey: 'sk-router',
    });
  });

  it('needs no key for local servers, and sends them a placeholder rather than the OpenAI key', () => {
    const local = 'http://localhost:11434/v1';
    expect(credentialFor({ saved, provider: 'ollama', endpoint: local, configuredEndpoint: OPENAI })).toEqual({ apiKey: NO_KEY });
    expect(credentialFor({ saved: null, provider: 'lmstudio', endpoint: local, configuredEndpoint: local })).toEqual({ apiKey: NO_KEY });
  });

  it('reports a missing key where one is needed', () => {
    expect(credentialFor({ saved: null, provider: 'custom', endpoint: ROUTER, configuredEndpoint: ROUTER })).toEqual({
      error: { kind: 'missing-key' },
    });
  });

  it('treats a key saved before keys were bound as the configured endpoint’s', () => {
    const legacy: SavedKey = { key: 'sk-old', storage: 'local' };
    expect(credentialFor({ saved: legacy, provider: 'custom', endpoint: ROUTER, configuredEndpoint: ROUTER })).toEqual({
      apiKey: 'sk-old',
    });
  });
});

describe('keyStatus', () => {
  it('tells where the key is kept and for which endpoint, never the key', () => {
    const status = keyStatus({ ...saved, storage: 'session' }, 'openai', OPENAI);
    expect(status).toEqual({ hasKey: true, storage: 'session', endpoint: OPENAI, ready: true });
    expect(keyStatus(saved, 'openrouter', ROUTER)).toMatchObject({ hasKey: true, ready: false });
    expect(keyStatus(null, 'ollama', 'http://localhost:11434/v1')).toEqual({ hasKey: false, ready: true });
    expect(keyStatus(null, 'openai', OPENAI)).toEqual({ hasKey: false, ready: false });
  });
});
