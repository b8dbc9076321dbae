import { describe, expect, it } from 'vitest';
import { promptRecord } from '../../utils/history';
import {
  buildExport,
  EXPORT_FORMAT,
  fromBase64,
  importTooLarge,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_RECORDS,
  parseImport,
  sniffImage,
  toBase64,
} from '../../utils/history-file';
import { finishExpanding, newJob, startExpanding } from '../../utils/job';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 255]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]);

const job = (id: string) =>
  finishExpanding(startExpanding(newJob(id, 'menu', 1), { text: 'fox', originalLength: 3, shortened: false }, 'm', 2), `prompt ${id}`, 3);

const goodImage = {
  id: 'img1',
  jobId: 'a',
  createdAt: 5,
  mime: 'image/png',
  width: 10,
  height: 20,
  model: 'fake-image-2',
  data: toBase64(PNG),
};
const file = (prompts: unknown[], images: unknown[] = []) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, prompts, images });

describe('base64 and image sniffing', () => {
  it('round-trips every byte value', () => {
    const all = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(fromBase64(toBase64(all))).toEqual(all);
    expect(fromBase64('not base64!')).toBeNull();
  });

  it('recognises formats by their bytes', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(new TextEncoder().encode('RIFF____WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(new TextEncoder().encode('<svg/>'))).toBeNull();
  });
});

describe('import validation', () => {
  it('refuses files that are not exports', () => {
    expect(parseImport('{not json')).toEqual({ error: expect.stringContaining('not JSON') });
    expect(parseImport('{"format":"other"}')).toEqual({ error: expect.stringContaining('not a Promptbrush') });
    expect(parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 99, prompts: [], images: [] }))).toEqual({
      error: expect.stringContaining('newer'),
    });
  });

  it('accepts good records and lists each bad one with its reason', () => {
    const result = parseImport(
      file(
        [
          { id: 'a', createdAt: 1, updatedAt: 2, job: job('a') },
          { id: 'b', createdAt: 1, job: { ...job('b'), prompt: '' } },
          { id: '../x', createdAt: 1, job: job('x') },
          { id: 'c', createdAt: 1, job: job('other') },
          'nonsense',
          { id: 'a', createdAt: 1, job: job('a') },
          { id: 'd', createdAt: 1, job: { ...job('d'), source: { text: 'x', title: 42, originalLength: 1, shortened: false } } },
        ],
        [
          goodImage,
          { ...goodImage, id: 'img2', mime: 'image/svg+xml' },
          { ...goodImage, id: 'img3', mime: 'image/jpeg' },
          { ...goodImage, id: 'img4', data: '@@@' },
          { ...goodImage, id: 'img5', width: 0 },
        ],
      ),
    );
    if ('error' in result) throw new Error(result.error);
    expect(result.prompts.map((p) => p.id)).toEqual(['a']);
    expect(result.prompts[0]?.job).toEqual(job('a'));
    expect(result.images).toHaveLength(1);
    expect(result.images[0]?.bytes).toEqual(PNG);
    expect(result.rejected).toEqual([
      { what: 'prompt 2 (b)', reason: 'no prompt text' },
      { what: 'prompt 3', reason: 'missing or malformed id' },
      { what: 'prompt 4 (c)', reason: 'the job id does not match the record id' },
      { what: 'prompt 5', reason: 'not an object' },
      { what: 'prompt 6 (a)', reason: 'listed twice in the file' },
      { what: 'prompt 7 (d)', reason: 'source title is not text' },
      { what: 'image 2 (img2)', reason: 'unsupported image format' },
      { what: 'image 3 (img3)', reason: 'the bytes are not image/jpeg' },
      { what: 'image 4 (img4)', reason: 'image data is not valid base64' },
      { what: 'image 5 (img5)', reason: 'bad width or height' },
    ]);
  });

  it('whitelists every job field: wrong types reject the record with a reason, unknown fields are dropped', () => {
    const record = (id: string, extra: Record<string, unknown>) => ({ id, createdAt: 1, job: { ...job(id), ...extra } });
    const result = parseImport(
      file([
        record('a', { negativePrompt: 42 }),
        record('b', { variations: 'ab' }),
        record('c', { target: 'dall-e-9' }),
        record('d', { variationCount: 40 }),
        record('e', { prompt: 'x'.repeat(100_001) }),
        record('f', { edited: 'yes' }),
        record('g', { tab: { tabId: -1 } }),
        record('h', { error: { kind: 'nonsense' } }),
        record('ok', { evil: '<img onerror=alert(1)>', source: { ...job('ok').source, extra: 1 } }),
      ]).replace('"evil"', '"__proto__":{"polluted":true},"evil"'),
    );
    if ('error' in result) throw new Error(result.error);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'negative prompt is not text',
      'variations is not a list of at most 10 texts',
      'unknown target',
      'takes must be 1 or 2–6',
      'prompt is too long (100,001 characters, at most 100,000)',
      'edited is not true or false',
      'malformed tab',
      'unknown error kind',
    ]);
    expect(result.prompts.map((p) => p.id)).toEqual(['ok']);
    const kept = result.prompts[0]?.job as unknown as Record<string, unknown>;
    expect(kept).not.toHaveProperty('evil');
    expect(kept).not.toHaveProperty('polluted');
    expect(Object.keys(kept)).not.toContain('__proto__');
    expect(kept.source).not.toHaveProperty('extra');
  });

  it('checks the size and the record count before reading the records', () => {
    expect(importTooLarge(MAX_IMPORT_BYTES)).toBeNull();
    expect(importTooLarge(MAX_IMPORT_BYTES + 1)).toMatch(/imports files of up to 400 MB\. Nothing was imported/);
    const many = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => 0);
    expect(parseImport(file(many))).toEqual({ error: expect.stringContaining('at most 20,000 at once. Nothing was imported.') });
  });

  it('reads back exactly what it exported', () => {
    const prompts = [promptRecord(job('a'), 10)];
    const images = [{ ...goodImage, mime: 'image/png' as const, byteLength: PNG.length, size: PNG.length, bytes: PNG }];
    const exported = buildExport(prompts, images, new Date(0));
    const result = parseImport(JSON.stringify(exported));
    if ('error' in result) throw new Error(result.error);
    expect(result.rejected).toEqual([]);
    expect(result.prompts).toEqual(prompts);
    expect(result.images[0]).toMatchObject({ id: 'img1', jobId: 'a', width: 10, height: 20, bytes: PNG });
  });
});
