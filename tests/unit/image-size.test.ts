import { describe, expect, it } from 'vitest';
import { capsFor } from '../../utils/image-models';
import { IMAGE_ASPECTS, type ImageAspect, parseSize, sizeFor } from '../../utils/image-size';

const sizeOf = (aspect: ImageAspect, model: string) => sizeFor(aspect, capsFor(model).sizes);

describe('sizeFor: aspect ratio → a size the model accepts', () => {
  it.each([
    ['1:1', '1024x1024', true],
    ['3:2', '1536x1024', true],
    ['2:3', '1024x1536', true],
    ['16:9', '1536x1024', false],
    ['9:16', '1024x1536', false],
    ['4:5', '1024x1536', false],
  ] as const)('standard sizes (gpt-image-1 family): %s → %s', (aspect, size, exact) => {
    expect(sizeOf(aspect, 'gpt-image-1.5')).toMatchObject({ size, exact });
  });

  it.each([
    ['1:1', '1024x1024'],
    ['3:2', '1536x1024'],
    ['2:3', '1024x1536'],
    ['16:9', '1536x864'],
    ['9:16', '864x1536'],
    ['4:5', '1232x1536'],
  ] as const)('any multiple of 16 (gpt-image-2 family): %s → %s, exact', (aspect, size) => {
    const choice = sizeOf(aspect, 'gpt-image-2');
    expect(choice).toMatchObject({ size, exact: true });
    expect(choice.width % 16).toBe(0);
    expect(choice.height % 16).toBe(0);
  });

  it('dall-e-3 sizes: wide and tall shapes use its 1792 sizes', () => {
    expect(sizeOf('16:9', 'dall-e-3').size).toBe('1792x1024');
    expect(sizeOf('9:16', 'dall-e-3').size).toBe('1024x1792');
  });

  it('every aspect gives a parseable size for every model family', () => {
    for (const model of ['gpt-image-2', 'gpt-image-1', 'dall-e-2', 'flux-schnell'])
      for (const aspect of IMAGE_ASPECTS) expect(parseSize(sizeOf(aspect, model).size), `${model} ${aspect}`).not.toBeNull();
  });

  it('parseSize reads WIDTHxHEIGHT only', () => {
    expect(parseSize('1536x864')).toEqual({ width: 1536, height: 864 });
    expect(parseSize('auto')).toBeNull();
    expect(parseSize(undefined)).toBeNull();
  });
});
