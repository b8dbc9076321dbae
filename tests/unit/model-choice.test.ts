import { describe, expect, it } from 'vitest';
import { modelChoice } from '../../utils/model-choice';

const NOW = Date.parse('2026-11-26T00:00:00Z') / 1000;
const day = (iso: string) => Date.parse(iso) / 1000;
const models = [
  { id: 'chat-new', created: 30 },
  { id: 'chat-mini', created: 20 },
  { id: 'chat-old', created: 10, shutdownDate: day('2026-12-01') },
  { id: 'chat-gone', created: 5, shutdownDate: day('2026-01-01') },
  { id: 'text-embedding-3', created: 40 },
];

describe('modelChoice', () => {
  it('offers usable chat models, hides retired ones and flags upcoming shutdowns', () => {
    const choice = modelChoice(models, '', NOW);
    expect(choice.options).toEqual([{ id: 'chat-new' }, { id: 'chat-mini' }, { id: 'chat-old', retiresOn: '2026-12-01' }]);
    expect(choice.hiddenRetired).toBe(1);
    expect(choice.automatic).toBe('chat-mini');
    expect(choice.gone).toBeUndefined();
  });

  it('reports a chosen model that was retired, with a model to switch to', () => {
    expect(modelChoice(models, 'chat-gone', NOW).gone).toEqual({
      id: 'chat-gone',
      retiredOn: '2026-01-01',
      switchTo: 'chat-mini',
    });
  });

  it('reports a chosen model the endpoint no longer lists', () => {
    expect(modelChoice(models, 'chat-vanished', NOW).gone).toMatchObject({ id: 'chat-vanished', switchTo: 'chat-mini' });
  });

  it('warns about a chosen model that will retire', () => {
    expect(modelChoice(models, 'chat-old', NOW).retiring).toEqual({ id: 'chat-old', on: '2026-12-01' });
  });

  it('says nothing about a typed model when the endpoint lists none', () => {
    expect(modelChoice([], 'llama3.2', NOW)).toEqual({ options: [], hiddenRetired: 0 });
  });
});
