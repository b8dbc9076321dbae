import { describe, expect, it } from 'vitest';
import { capsFor, isImageModel, pickImageModel, retiredModel, usableImageModels } from '../../utils/image-models';

const NOW = Date.parse('2026-12-15') / 1000;
const day = (iso: string) => Date.parse(iso) / 1000;

describe('image models', () => {
  it('recognises image models, and not chat or other models', () => {
    for (const id of [
      'gpt-image-2',
      'gpt-image-2.5-flare',
      'gpt-image-1-mini',
      'chatgpt-image-latest',
      'dall-e-3',
      'fake-image-2',
      'black-forest-labs/flux-1.1-pro',
    ])
      expect(isImageModel(id), id).toBe(true);
    for (const id of ['gpt-5-mini', 'text-embedding-3-small', 'whisper-1', 'gpt-4-vision-preview', 'tts-1'])
      expect(isImageModel(id), id).toBe(false);
  });

  it('knows what each family accepts', () => {
    expect(capsFor('gpt-image-2.6-sunburst')).toMatchObject({
      family: 'gpt-image-2',
      streaming: true,
      gptImageParams: true,
      askForBase64: false,
    });
    expect(capsFor('gpt-image-1.5')).toMatchObject({ family: 'gpt-image-1', streaming: true });
    expect(capsFor('dall-e-3')).toMatchObject({ streaming: false, askForBase64: true, maxCount: 1 });
    expect(capsFor('some-provider-image')).toMatchObject({ family: 'other', streaming: false, askForBase64: true });
  });

  it('lists usable image models newest first, without shut-down ones', () => {
    const list = usableImageModels(
      [
        { id: 'gpt-image-1', created: 5, shutdownDate: day('2026-10-23') },
        { id: 'gpt-image-2', created: 9 },
        { id: 'gpt-5', created: 10 },
        { id: 'gpt-image-1.5', created: 7, shutdownDate: day('2027-01-01') },
      ],
      NOW,
    );
    expect(list.map((m) => m.id)).toEqual(['gpt-image-2', 'gpt-image-1.5']);
  });

  it('picks the newest model not scheduled to shut down, preferring full models to minis', () => {
    const models = [
      { id: 'gpt-image-2', created: 8 },
      { id: 'gpt-image-2-mini', created: 9 },
      { id: 'gpt-image-1.5', created: 10, shutdownDate: day('2027-03-01') },
      { id: 'dall-e-3', created: 11, shutdownDate: day('2026-05-12') },
    ];
    expect(pickImageModel(models, NOW)).toBe('gpt-image-2');
    expect(pickImageModel([{ id: 'gpt-image-1.5', shutdownDate: day('2027-03-01') }], NOW)).toBe('gpt-image-1.5');
    expect(pickImageModel([{ id: 'gpt-5-mini' }], NOW)).toBeUndefined();
  });

  it('prefers the plain alias to a dated snapshot of the same age', () => {
    expect(
      pickImageModel(
        [
          { id: 'gpt-image-2-2026-04-21', created: 5 },
          { id: 'gpt-image-2', created: 5 },
        ],
        NOW,
      ),
    ).toBe('gpt-image-2');
  });

  it('finds a chosen model that has been shut down', () => {
    const models = [{ id: 'dall-e-3', shutdownDate: day('2026-05-12') }, { id: 'gpt-image-2' }];
    expect(retiredModel(models, 'dall-e-3', NOW)?.id).toBe('dall-e-3');
    expect(retiredModel(models, 'gpt-image-2', NOW)).toBeUndefined();
    expect(retiredModel(undefined, 'dall-e-3', NOW)).toBeUndefined();
  });
});
