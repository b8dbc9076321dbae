// Summary statistics for the bench. Pure.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The value below which `p` (0–100) per cent of the samples fall: nearest-rank, no interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/**
 * When each streamed chunk first showed on screen. `chunks` are the texts the server wrote, in
 * order; `samples` are (time, length of the text on screen) observations in time order. A chunk is
 * on screen at the first sample whose text is at least as long as everything written up to and
 * including that chunk. Chunks never seen give `undefined`.
 */
export function chunkScreenTimes(chunks: readonly string[], samples: readonly { t: number; length: number }[]): (number | undefined)[] {
  let written = 0;
  let from = 0;
  return chunks.map((chunk) => {
    written += chunk.length;
    while (from < samples.length && (samples[from] as { length: number }).length < written) from++;
    return samples[from]?.t;
  });
}
