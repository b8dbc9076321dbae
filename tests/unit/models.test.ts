import { describe, expect, it } from 'vitest';
import { isChatModel, pickChatModel, usableChatModels } from '../../utils/models';

const NOW = 1_800_000_000;

describe('models', () => {
  it('recognises chat models', () => {
    expect(isChatModel('gpt-5-mini')).toBe(true);
    expect(isChatModel('llama3.2:latest')).toBe(true);
    for (const id of ['text-embedding-3-small', 'whisper-1', 'gpt-image-2', 'tts-1', 'omni-moderation-latest', 'gpt-realtime']) {
      expect(isChatModel(id)).toBe(false);
    }
  });

  it('hides retired models and sorts newest first', () => {
    const models = usableChatModels(
      [
        { id: 'old', created: 1 },
        { id: 'retired', created: 5, shutdownDate: NOW - 10 },
        { id: 'new', created: 9 },
      ],
      NOW,
    );
    expect(models.map((m) => m.id)).toEqual(['new', 'old']);
  });

  it('picks a recent mini model, avoiding ones scheduled to shut down', () => {
    const models = [
      { id: 'big-2', created: 10 },
      { id: 'big-mini-1', created: 8, shutdownDate: NOW + 1000 },
      { id: 'big-mini-2', created: 9 },
      { id: 'text-embedding', created: 11 },
    ];
    expect(pickChatModel(models, NOW)).toBe('big-mini-2');
    expect(pickChatModel([{ id: 'llama3' }], NOW)).toBe('llama3');
    expect(pickChatModel([{ id: 'text-embedding-3' }], NOW)).toBeUndefined();
  });
});
