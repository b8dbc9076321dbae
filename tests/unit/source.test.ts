import { describe, expect, it } from 'vitest';
import { renderUserMessage } from '../../utils/background/chat-request';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { buildSource, parseRawCapture, pickFrameCapture, SURROUNDING_CHARS, surroundingLine } from '../../utils/source';

const options = { maxSelectionChars: DEFAULT_SETTINGS.maxSelectionChars, context: DEFAULT_SETTINGS.context };

const RAW = {
  text: '  The storm\u200b came   in.\n\n\n\nMaren climbed.  ',
  title: ' Lighthouse   stories ',
  url: 'https://example.com/story',
  query: '?token=abc#part',
  heading: '\n  Chapter two \n',
  before: 'Night fell\n\nover the bay.',
  after: 'The lens waited.',
  focused: true,
};

describe('parseRawCapture', () => {
  it('accepts what the capture script returns and bounds every field', () => {
    const raw = parseRawCapture({ ...RAW, title: 'x'.repeat(5000), before: 'y'.repeat(5000) });
    expect(raw?.title).toHaveLength(1000);
    expect(raw?.before).toHaveLength(2000);
    expect(raw?.focused).toBe(true);
  });
  it('refuses what is not a capture, and drops an address that is not http(s)', () => {
    expect(parseRawCapture(null)).toBeNull();
    expect(parseRawCapture({ title: 'no text' })).toBeNull();
    expect(parseRawCapture({ text: 'a', url: 'javascript:alert(1)', heading: 42 })).toEqual({
      text: 'a',
      focused: false,
      title: undefined,
      url: undefined,
      query: undefined,
      heading: undefined,
      before: undefined,
      after: undefined,
    });
  });
});

describe('pickFrameCapture', () => {
  const frame = (frameId: number, text: string, focused = false) => ({ frameId, result: { text, focused } });
  it('prefers the focused frame with a selection, then the top page, then any frame with text', () => {
    expect(pickFrameCapture([frame(0, 'top'), frame(5, 'framed', true)])?.text).toBe('framed');
    expect(pickFrameCapture([frame(0, 'top'), frame(5, 'framed')])?.text).toBe('top');
    expect(pickFrameCapture([frame(0, ''), frame(5, 'framed'), frame(6, '  ')])?.text).toBe('framed');
  });
  it('with no text anywhere, the top page (empty), and null when no frame answered', () => {
    expect(pickFrameCapture([frame(3, ' ', true), frame(0, '')])?.text).toBe('');
    expect(pickFrameCapture([{ frameId: 0, result: undefined }])).toBeNull();
    expect(pickFrameCapture([])).toBeNull();
  });
});

describe('buildSource', () => {
  it('cleans the text and sends title, address without query, heading and surrounding text by default', () => {
    expect(buildSource(parseRawCapture(RAW)!, options)).toEqual({
      text: 'The storm came in.\n\nMaren climbed.',
      originalLength: 34,
      shortened: false,
      title: 'Lighthouse stories',
      url: 'https://example.com/story',
      heading: 'Chapter two',
      before: 'Night fell over the bay.',
      after: 'The lens waited.',
    });
  });

  it('leaves out each part that is switched off, and adds the query string only when asked', () => {
    const off = { title: false, url: true, urlQuery: true, heading: false, surrounding: false };
    expect(buildSource(RAW, { ...options, context: off })).toEqual({
      text: 'The storm came in.\n\nMaren climbed.',
      originalLength: 34,
      shortened: false,
      url: 'https://example.com/story?token=abc#part',
    });
    const none = { title: false, url: false, urlQuery: true, heading: false, surrounding: false };
    expect(Object.keys(buildSource(RAW, { ...options, context: none }))).toEqual(['text', 'originalLength', 'shortened']);
  });

  it('drops a heading that only repeats the title', () => {
    expect(buildSource({ ...RAW, heading: 'LIGHTHOUSE stories' }, options).heading).toBeUndefined();
  });

  it('bounds the surrounding text at word boundaries', () => {
    const words = 'alpha beta gamma delta '.repeat(60);
    const source = buildSource({ ...RAW, before: words, after: words }, options);
    expect(source.before?.length).toBeLessThanOrEqual(SURROUNDING_CHARS);
    expect(source.after?.length).toBeLessThanOrEqual(SURROUNDING_CHARS);
    expect(source.before?.startsWith('alpha') || source.before?.startsWith('beta') || source.before?.startsWith('gamma')).toBe(true);
    expect(words.endsWith(`${source.before} `)).toBe(true);
    expect(words.startsWith(source.after ?? '-')).toBe(true);
  });

  it('shortens a 1 MB selection and records both lengths for the popup', () => {
    const big = 'Waves broke on the rocks. '.repeat(40_000);
    const source = buildSource({ text: big }, options);
    expect(source.shortened).toBe(true);
    expect(source.originalLength).toBe(big.trim().length);
    expect(source.text.length).toBeLessThanOrEqual(8000);
    expect(source.text.endsWith('rocks.')).toBe(true);
  });

  it('makes a whitespace-only selection empty (the runner then sends nothing)', () => {
    expect(buildSource({ text: ' \n\u200b\u00a0\t ' }, options).text).toBe('');
  });

  it('keeps the note when the page could not be read', () => {
    expect(buildSource({ text: 'x' }, options, 'Page context unavailable').contextNote).toBe('Page context unavailable');
  });
});

describe('what the model receives', () => {
  it('lists exactly the context in the source, the surrounding text marked as context only', () => {
    const source = buildSource(RAW, options);
    expect(surroundingLine(source)).toBe('…Night fell over the bay. [selection] The lens waited.…');
    expect(renderUserMessage(source)).toContain(
      [
        'Page title: Lighthouse stories',
        'Page address: https://example.com/story',
        'Nearest heading: Chapter two',
        'Text around the selection, for context only:',
        '"""',
        '…Night fell over the bay. [selection] The lens waited.…',
        '"""',
        '',
        'Selected text:',
        '"""',
        'The storm came in.\n\nMaren climbed.',
        '"""',
      ].join('\n'),
    );
  });
});
