import { describe, expect, it } from 'vitest';
import { base64ToBytes, fileNameFor, pngDimensions, sniffMime } from '../../utils/image-bytes';
import { scenePng } from '../fixtures/png';

describe('image bytes', () => {
  it('decodes base64 to the exact bytes', () => {
    const png = scenePng(40, 24);
    expect(Buffer.from(base64ToBytes(png.toString('base64'))).equals(png)).toBe(true);
  });

  it('recognises formats from their bytes, not from what was asked', () => {
    expect(sniffMime(new Uint8Array(scenePng(8, 8)))).toBe('image/png');
    expect(sniffMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMime(new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')]))).toBe('image/webp');
    expect(sniffMime(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('reads PNG dimensions', () => {
    expect(pngDimensions(new Uint8Array(scenePng(40, 24)))).toEqual({ width: 40, height: 24 });
    expect(pngDimensions(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });

  it('names files after the prompt, short, safe and numbered', () => {
    expect(fileNameFor('A lone lighthouse keeper on a storm-battered cliff at dusk, lantern raised', 'image/png')).toBe(
      'a-lone-lighthouse-keeper-on-a-storm-battered-cliff-at-dusk.png',
    );
    expect(fileNameFor('Café crème — "déjà vu" / ../etc', 'image/jpeg', 1, 3)).toBe('cafe-creme-deja-vu-etc-2.jpg');
    expect(fileNameFor('日本の風景', 'image/webp')).toBe('promptbrush-image.webp');
    expect(fileNameFor('A fox', 'application/octet-stream')).toBe('a-fox.bin');
  });
});
