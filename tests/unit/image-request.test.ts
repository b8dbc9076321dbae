import { describe, expect, it } from 'vitest';
import { buildImageRequest, promptWithExclusions } from '../../utils/background/image-request';
import { promptForImage } from '../../utils/image-input';
import { capsFor } from '../../utils/image-models';
import { DEFAULT_IMAGE_SETTINGS, validateImageSettings } from '../../utils/image-settings';
import { newJob } from '../../utils/job';
import { DEFAULT_SETTINGS, validateSettings } from '../../utils/settings';

describe('buildImageRequest', () => {
  it('GPT image models: quality and format, no response_format, streaming for one image', () => {
    const request = buildImageRequest(
      { prompt: 'A fox', aspect: '9:16' },
      'gpt-image-2',
      { ...DEFAULT_IMAGE_SETTINGS, quality: 'low', format: 'webp', count: 1 },
      capsFor('gpt-image-2'),
    );
    expect(request.body).toEqual({ model: 'gpt-image-2', prompt: 'A fox', n: 1, size: '864x1536', quality: 'low', output_format: 'webp' });
    expect(request.stream).toBe(true);
  });

  it('several images are not streamed (the stream carries one image)', () => {
    const request = buildImageRequest({ prompt: 'A fox' }, 'gpt-image-2', { ...DEFAULT_IMAGE_SETTINGS, count: 3 }, capsFor('gpt-image-2'));
    expect(request).toMatchObject({ stream: false, aspect: '1:1', body: { n: 3, size: '1024x1024' } });
  });

  it('other models: asks for base64, sends no GPT-only options, and caps the count', () => {
    const request = buildImageRequest({ prompt: 'A fox' }, 'dall-e-3', { ...DEFAULT_IMAGE_SETTINGS, count: 4 }, capsFor('dall-e-3'));
    expect(request.body).toEqual({ model: 'dall-e-3', prompt: 'A fox', n: 1, size: '1024x1024', response_format: 'b64_json' });
  });

  it('writes the negative prompt into the prompt only when the person asks', () => {
    const input = { prompt: 'A fox', negativePrompt: 'blur' };
    expect(buildImageRequest(input, 'gpt-image-2', DEFAULT_IMAGE_SETTINGS, capsFor('gpt-image-2')).body.prompt).toBe('A fox');
    const asked = { ...DEFAULT_IMAGE_SETTINGS, negativeAsWords: true };
    expect(buildImageRequest(input, 'gpt-image-2', asked, capsFor('gpt-image-2')).body.prompt).toBe('A fox\n\nAvoid: blur.');
  });

  it('writes exclusions into the prompt', () => {
    expect(promptWithExclusions({ prompt: 'A fox ', negativePrompt: ' blur, text. ' })).toBe('A fox\n\nAvoid: blur, text.');
    expect(promptWithExclusions({ prompt: 'A fox', negativePrompt: '  ' })).toBe('A fox');
  });
});

describe('image settings', () => {
  it('are part of the settings schema, with defaults that name no model', () => {
    expect(DEFAULT_SETTINGS.images).toMatchObject({
      backend: 'openai-images',
      sameAsChat: true,
      model: '',
      quality: 'auto',
      format: 'png',
      count: 1,
    });
    expect(validateSettings({}).images).toEqual(DEFAULT_SETTINGS.images);
    expect(validateSettings({}).generators.length).toBeGreaterThan(5);
  });

  it('validate whatever is stored', () => {
    expect(validateImageSettings({ model: ' gpt-image-2 ', quality: 'ultra', format: 'gif', count: 9 })).toEqual({
      ...DEFAULT_IMAGE_SETTINGS,
      model: 'gpt-image-2',
      quality: 'auto',
      format: 'png',
      count: 4,
    });
    expect(validateImageSettings({ count: 0.2 }).count).toBe(1);
    expect(validateImageSettings('nonsense')).toEqual(DEFAULT_IMAGE_SETTINGS);
  });
});

describe('promptForImage', () => {
  it("takes the prompt as shown, with the job's negative prompt and aspect ratio", () => {
    const job = newJob('j1', 'popup-text', 1);
    expect(promptForImage({ ...job, prompt: 'old' }, 'edited')).toEqual({ prompt: 'edited' });
    const crafted = { ...job, negativePrompt: ' text ', aspectRatio: '16:9' as const };
    expect(promptForImage(crafted, 'p')).toEqual({ prompt: 'p', negativePrompt: 'text', aspect: '16:9' });
    expect(promptForImage({ ...job, negativePrompt: '  ' }, 'p')).toEqual({ prompt: 'p' });
  });
});
