import { describe, expect, it } from 'vitest';
import { refineError } from '../../utils/background/endpoint-errors';

describe('refineError', () => {
  it("reads Ollama's bare 403 as its origin check", () => {
    expect(refineError({ kind: 'forbidden' }, { provider: 'ollama', baseUrl: 'http://localhost:11434/v1' }).kind).toBe('ollama-origin');
    expect(refineError({ kind: 'forbidden' }, { provider: 'custom', baseUrl: 'http://10.0.0.2:11434/v1' }).kind).toBe('ollama-origin');
    expect(refineError({ kind: 'forbidden' }, { provider: 'openai', baseUrl: 'https://api.openai.com/v1' }).kind).toBe('forbidden');
  });

  it('explains a blocked request by the refused host permission', () => {
    const ctx = { provider: 'custom' as const, baseUrl: 'https://llm.example.com/v1' };
    expect(refineError({ kind: 'offline' }, { ...ctx, hostAccess: false }).kind).toBe('no-permission');
    expect(refineError({ kind: 'offline' }, { ...ctx, hostAccess: true }).kind).toBe('offline');
    expect(refineError({ kind: 'offline' }, { provider: 'openai', baseUrl: 'https://api.openai.com/v1', hostAccess: false }).kind).toBe(
      'offline',
    );
  });

  it('says so when the browser itself is offline', () => {
    expect(refineError({ kind: 'offline' }, { provider: 'openai', baseUrl: 'https://api.openai.com/v1', online: false })).toEqual({
      kind: 'offline',
      detail: 'This browser is offline.',
    });
  });

  it('keeps what the provider said', () => {
    expect(refineError({ kind: 'forbidden', detail: 'x' }, { provider: 'ollama', baseUrl: 'http://localhost:11434/v1' })).toEqual({
      kind: 'ollama-origin',
      detail: 'x',
    });
  });
});
