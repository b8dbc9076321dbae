import { describe, expect, it } from 'vitest';
import { cleanText, preview, shortenText } from '../../utils/text';

describe('cleanText', () => {
  it('trims, collapses spaces and keeps paragraph breaks', () => {
    expect(cleanText('  Hello   \t world \r\n\r\n\r\n\r\nSecond   para  ')).toBe('Hello world\n\nSecond para');
  });
  it('removes zero-width and control characters', () => {
    expect(cleanText('a\u200Bb\u0007c\uFEFFd\u00ADe')).toBe('abcde');
  });
  it('keeps CJK, right-to-left text and emoji (with joiners) intact', () => {
    const text = '東京の夜景 — שלום עולם — 👩‍🚀🚀';
    expect(cleanText(text)).toBe(text);
  });
  it('returns empty for whitespace-only input', () => {
    expect(cleanText(' \n\t\u200B ')).toBe('');
  });
});

describe('shortenText', () => {
  it('leaves short text alone', () => {
    expect(shortenText('Short.', 100)).toEqual({ text: 'Short.', shortened: false });
  });
  it('cuts at the last sentence end near the limit', () => {
    const text = `${'word '.repeat(30)}end here. ${'more '.repeat(30)}`;
    const { text: out, shortened } = shortenText(text, 170);
    expect(shortened).toBe(true);
    expect(out.endsWith('end here.')).toBe(true);
  });
  it('falls back to a word boundary', () => {
    const { text } = shortenText('alpha beta gamma delta epsilon zeta eta theta', 30);
    expect(text.length).toBeLessThanOrEqual(30);
    expect('alpha beta gamma delta epsilon zeta eta theta'.startsWith(text)).toBe(true);
    expect(text.endsWith(' ')).toBe(false);
    expect(['delta', 'epsilon']).toContain(text.split(' ').at(-1));
  });
  it('never splits an emoji surrogate pair', () => {
    const { text } = shortenText('🚀'.repeat(100), 51);
    expect(text).toBe('🚀'.repeat(25));
  });
  it('handles a 1 MB selection quickly and within the limit', () => {
    const big = 'The quick brown fox jumps over the lazy dog. '.repeat(25_000);
    const { text, shortened } = shortenText(big, 8000);
    expect(shortened).toBe(true);
    expect(text.length).toBeLessThanOrEqual(8000);
    expect(text.endsWith('dog.')).toBe(true);
  });
});

describe('preview', () => {
  it('flattens and shortens with an ellipsis', () => {
    expect(preview('a\n\nb', 10)).toBe('a b');
    expect(preview('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
