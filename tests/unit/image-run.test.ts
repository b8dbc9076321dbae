import { describe, expect, it } from 'vitest';
import {
  failRun,
  finishRun,
  formatElapsed,
  interruptRun,
  isGenerating,
  newImageRun,
  showPartial,
  startGenerating,
} from '../../utils/image-run';

const plan = { model: 'gpt-image-2', modelPicked: true, size: '1024x1024', sizeApproximate: false, count: 1, streaming: true };
const image = { id: 'r1-0', mime: 'image/png', width: 1024, height: 1024 };

describe('image run state', () => {
  it('goes starting → generating → done, showing partial images on the way', () => {
    let run = newImageRun('r1', { jobId: 'j1', prompt: 'A fox', aspect: '1:1' }, 1);
    expect(isGenerating(run)).toBe(true);
    run = startGenerating(run, plan, 2);
    run = showPartial(run, { id: 'r1-partial-0', index: 0 }, 3);
    expect(run).toMatchObject({ status: 'generating', model: 'gpt-image-2', partial: { index: 0 } });
    run = finishRun(run, [image], 4);
    expect(run).toMatchObject({ status: 'done', images: [image], finishedAt: 4 });
    expect(run.partial).toBeUndefined();
    expect(isGenerating(run)).toBe(false);
  });

  it('a failure keeps the prompt and what was chosen', () => {
    const run = failRun(
      startGenerating(newImageRun('r1', { jobId: 'j1', prompt: 'A fox', aspect: '1:1' }, 1), plan, 2),
      { kind: 'image-refused' },
      3,
    );
    expect(run).toMatchObject({ status: 'error', prompt: 'A fox', model: 'gpt-image-2', error: { kind: 'image-refused' } });
  });

  it('ignores late events once finished, and marks unfinished runs interrupted', () => {
    const done = finishRun(startGenerating(newImageRun('r1', { jobId: 'j1', prompt: 'x', aspect: '1:1' }, 1), plan, 2), [image], 3);
    expect(showPartial(done, { id: 'k', index: 1 }, 4)).toBe(done);
    expect(failRun(done, { kind: 'cancelled' }, 4)).toBe(done);
    expect(interruptRun(done, 5)).toBe(done);
    expect(interruptRun(newImageRun('r2', { jobId: 'j1', prompt: 'x', aspect: '1:1' }, 1), 5).error).toEqual({ kind: 'interrupted' });
  });

  it('formats elapsed time', () => {
    expect(formatElapsed(0)).toBe('0 s');
    expect(formatElapsed(12_900)).toBe('12 s');
    expect(formatElapsed(65_000)).toBe('1 min 05 s');
  });
});
