import { describe, expect, it } from 'vitest';
import { chunkScreenTimes, median, percentile, summarize } from '../bench/stats';

describe('bench statistics', () => {
  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
  });

  it('summarizes', () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, median: 2, p95: 3, min: 1, max: 3 });
  });

  it('finds when each chunk first showed, also when several arrived in one render', () => {
    const chunks = ['ab', 'cd', 'ef', 'gh'];
    const samples = [
      { t: 10, length: 0 },
      { t: 12, length: 2 },
      { t: 20, length: 6 },
      { t: 25, length: 8 },
    ];
    expect(chunkScreenTimes(chunks, samples)).toEqual([12, 20, 20, 25]);
  });

  it('leaves chunks that never showed undefined', () => {
    expect(chunkScreenTimes(['ab', 'cd'], [{ t: 1, length: 2 }])).toEqual([1, undefined]);
  });
});
