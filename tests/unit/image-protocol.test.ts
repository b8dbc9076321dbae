import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../utils/protocol';

describe('image messages', () => {
  it('accept a prompt with an optional negative prompt and aspect ratio', () => {
    expect(
      parseEnvelope({ type: 'generateImage', payload: { jobId: 'j1', prompt: 'A fox', aspect: '16:9', negativePrompt: 'blur', x: 1 } }),
    ).toEqual({
      type: 'generateImage',
      payload: { jobId: 'j1', prompt: 'A fox', aspect: '16:9', negativePrompt: 'blur' },
    });
    expect(parseEnvelope({ type: 'cancelImage', payload: { runId: 'r1' } })).toEqual({ type: 'cancelImage', payload: { runId: 'r1' } });
  });

  it.each([
    { type: 'generateImage', payload: { jobId: 'j1' } },
    { type: 'generateImage', payload: { jobId: '../x', prompt: 'p' } },
    { type: 'generateImage', payload: { jobId: 'j1', prompt: 'p', aspect: '5:1' } },
    { type: 'generateImage', payload: { jobId: 'j1', prompt: 'p', negativePrompt: 3 } },
    { type: 'cancelImage', payload: { runId: '' } },
  ])('rejects %j', (raw) => {
    expect(parseEnvelope(raw)).toBeNull();
  });
});
