import { describe, expect, it } from 'vitest';
import { isTrustedSender, MESSAGE_TYPES, parseEnvelope, VALIDATORS } from '../../utils/protocol';
import { DECLARED_MESSAGES, tableGaps } from './protocol-messages';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('parseEnvelope', () => {
  it('accepts well-formed messages', () => {
    expect(parseEnvelope({ type: 'expandText', payload: { text: 'hi' } })).toEqual({ type: 'expandText', payload: { text: 'hi' } });
    expect(parseEnvelope({ type: 'captureTab', payload: { tabId: 3 } })).toEqual({ type: 'captureTab', payload: { tabId: 3 } });
    expect(parseEnvelope({ type: 'testConnection', payload: { baseUrl: 'http://x', apiKey: 'k' } })).toEqual({
      type: 'testConnection',
      payload: { baseUrl: 'http://x', apiKey: 'k' },
    });
  });

  it.each([
    null,
    'expandText',
    { type: 'nope', payload: {} },
    { type: 'toString', payload: {} },
    { type: 'expandText' },
    { type: 'expandText', payload: [] },
    { type: 'expandText', payload: { text: 42 } },
    { type: 'captureTab', payload: { tabId: -1 } },
    { type: 'captureTab', payload: { tabId: 1.5 } },
    { type: 'cancelJob', payload: { jobId: '../../etc' } },
    { type: 'saveApiKey', payload: { apiKey: 'x'.repeat(501) } },
    { type: 'testConnection', payload: { baseUrl: 'http://x', apiKey: 5 } },
    { type: 'testConnection', payload: { baseUrl: 'http://x', provider: 'evil' } },
    { type: 'saveApiKey', payload: { apiKey: 'k', sessionOnly: 'yes' } },
    { type: 'setKeyStorage', payload: {} },
  ])('rejects %j', (raw) => {
    expect(parseEnvelope(raw)).toBeNull();
  });

  it('accepts a provider draft and where to keep the key', () => {
    expect(parseEnvelope({ type: 'listModels', payload: { baseUrl: 'http://x', provider: 'ollama' } })).toEqual({
      type: 'listModels',
      payload: { baseUrl: 'http://x', provider: 'ollama' },
    });
    expect(parseEnvelope({ type: 'saveApiKey', payload: { apiKey: 'k', sessionOnly: true } })?.payload).toEqual({
      apiKey: 'k',
      sessionOnly: true,
    });
    expect(parseEnvelope({ type: 'setKeyStorage', payload: { sessionOnly: false } })?.payload).toEqual({ sessionOnly: false });
  });

  it('drops fields that are not part of the message', () => {
    expect(parseEnvelope({ type: 'cancelJob', payload: { jobId: 'a1', extra: 'x' } })).toEqual({
      type: 'cancelJob',
      payload: { jobId: 'a1' },
    });
  });

  it('declares a validator for every message of ProtocolMap, and none for anything else', () => {
    expect(tableGaps(VALIDATORS)).toEqual({ missing: [], extra: [] });
    expect([...MESSAGE_TYPES].sort()).toEqual(Object.keys(DECLARED_MESSAGES).sort());
  });

  it('the check fails on a table that lacks a validator or has a stray one (a made-up broken table)', () => {
    const { cancelJob: _dropped, ...broken } = VALIDATORS;
    expect(tableGaps({ ...broken, notAMessage: () => null })).toEqual({ missing: ['cancelJob'], extra: ['notAMessage'] });
    expect(tableGaps({ ...VALIDATORS, retryJob: undefined })).toEqual({ missing: ['retryJob'], extra: [] });
  });

  it('a message whose validator is missing is refused, not routed', () => {
    expect(parseEnvelope({ type: 'notAMessage', payload: {} })).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts the extension’s own pages', () => {
    expect(isTrustedSender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe(true);
    expect(isTrustedSender({ id: ID, url: `${ORIGIN}/options.html` }, ID, `${ORIGIN}/`)).toBe(true);
  });
  it('refuses other extensions, web pages and content scripts', () => {
    expect(isTrustedSender({ id: 'other', url: `chrome-extension://other/popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isTrustedSender({ id: ID, url: 'https://evil.example/page', tab: { id: 1 } }, ID, ORIGIN)).toBe(false);
    expect(isTrustedSender({ id: ID }, ID, ORIGIN)).toBe(false);
    expect(isTrustedSender({ id: ID, url: `${ORIGIN}.evil.example/x` }, ID, ORIGIN)).toBe(false);
  });
});

describe('craft choice on new prompts', () => {
  const choice = { target: 'midjourney', style: 'none', aspectRatio: '16:9', variationCount: 1 };
  it('carries the pickers’ choice with typed text and "use selection"', () => {
    expect(parseEnvelope({ type: 'expandText', payload: { text: 'a fox', choice } })).toMatchObject({ payload: { text: 'a fox', choice } });
    expect(parseEnvelope({ type: 'captureTab', payload: { tabId: 4, choice } })).toMatchObject({ payload: { tabId: 4, choice } });
  });
  it('rejects a malformed choice instead of guessing', () => {
    expect(parseEnvelope({ type: 'expandText', payload: { text: 'a fox', choice: { ...choice, target: 'dall-e-9' } } })).toBeNull();
    expect(parseEnvelope({ type: 'captureTab', payload: { tabId: 4, choice: 'midjourney' } })).toBeNull();
  });
});
