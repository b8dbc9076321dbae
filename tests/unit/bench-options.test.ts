import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../bench/budgets';
import { parseBenchOptions } from '../bench/options';
import { type BenchResults, checkBudgets, formatTable } from '../bench/results';
import type { Summary } from '../bench/stats';

describe('bench options', () => {
  it('defaults to 30 runs after 3 warm-up runs, 300 ms to the first token', () => {
    expect(parseBenchOptions([], {})).toMatchObject({ runs: 30, warmup: 3, latencyMs: 300, out: 'bench-results.json', help: false });
  });

  it('takes flags before environment variables', () => {
    const options = parseBenchOptions(['--runs', '40', '--latency-ms=500'], { BENCH_RUNS: '25', BENCH_CHUNK_DELAY_MS: '5' });
    expect(options).toMatchObject({ runs: 40, latencyMs: 500, chunkDelayMs: 5 });
  });

  it('refuses fewer than 20 runs, non-numbers and unknown flags', () => {
    expect(() => parseBenchOptions(['--runs', '5'], {})).toThrow(/at least|≥ 20/);
    expect(() => parseBenchOptions([], { BENCH_LATENCY_MS: 'slow' })).toThrow(/latency/);
    expect(() => parseBenchOptions(['--fast'], {})).toThrow();
  });
});

const timing = (median: number): Summary => ({ n: 20, median, p95: median * 1.5, min: median / 2, max: median * 2 });

function results(
  overrides: { triggerMs?: number; injected?: number; sdkFiles?: number; lazySdkFiles?: number } = {},
): Omit<BenchResults, 'budgets'> {
  const none = { scripts: [], bytes: 0 };
  return {
    date: '2026-01-01T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'cpu', memoryGiB: 24, os: 'Linux', loadAverage: [1, 1, 1], chromium: '156', node: '24', playwright: '1' },
    parameters: { runs: 20, warmup: 2, opens: 5, wakes: 3, latencyMs: 300, chunkDelayMs: 20, chunkSize: 4, replyChars: 290 },
    injected: {
      neverUsed: overrides.injected
        ? {
            scripts: [{ url: 'x', bytes: overrides.injected, world: 'Promptbrush', origin: 'chrome-extension://id' }],
            bytes: overrides.injected,
          }
        : none,
      afterUseElsewhere: none,
      controlBytes: 40,
    },
    capture: { file: 'capture.js', bytes: 1100, gzip: 550 },
    popup: {
      static: {
        files: [],
        bytes: 46_000,
        gzip: 17_000,
        sdkFiles: Array.from({ length: overrides.sdkFiles ?? 0 }, (_, i) => ({ file: `chunk${i}.js`, markers: ['X-Stainless-'] })),
      },
      later: [
        {
          entry: 'chunks/HistoryContents-Ab12Cd34.js',
          files: [],
          bytes: 20_000,
          gzip: 7_200,
          sdkFiles: Array.from({ length: overrides.lazySdkFiles ?? 0 }, (_, i) => ({ file: `lazy${i}.js`, markers: ['OPENAI_API_KEY'] })),
        },
        { entry: 'chunks/ImageRunView-Ef56Gh78.js', files: [], bytes: 6_000, gzip: 2_250, sdkFiles: [] },
      ],
      loaded: { files: [], bytes: 46_000, gzip: 17_000 },
      openToJobRenderedMs: timing(50),
      browserFloorMs: timing(25),
    },
    triggerToRequestMs: timing(overrides.triggerMs ?? 14),
    tokenToScreenMs: timing(13),
    timeToFirstToken: { extensionMs: timing(330), sdkMs: timing(305), serverLatencyMs: timing(301), ratio: 330 / 305 },
    worker: { startToReadyMs: timing(36), wakeToFirstAnswerMs: timing(42), heapBytes: 1_700_000 },
    popupHeapBytes: 2_800_000,
    clock: [{ offsetMs: 0.1, uncertaintyMs: 0.5 }],
  };
}

describe('bench budgets and table', () => {
  it('holds every budget for figures within them', () => {
    expect(checkBudgets(results()).filter((b) => !b.holds)).toEqual([]);
  });

  it('names each budget that does not hold', () => {
    const over = checkBudgets(results({ triggerMs: BUDGETS.triggerToRequestMs + 1, injected: 1200, sdkFiles: 1 })).filter((b) => !b.holds);
    expect(over.map((b) => b.id)).toEqual(['1', '3', '4']);
    // The SDK in a part the popup loads later counts too.
    expect(
      checkBudgets(results({ lazySdkFiles: 1 }))
        .filter((b) => !b.holds)
        .map((b) => b.what),
    ).toEqual(['popup files carrying openai SDK code']);
  });

  it('prints the machine, the model parameters and one row per measure, marking what is over budget', () => {
    const partial = results({ triggerMs: 80 });
    const table = formatTable({ ...partial, budgets: checkBudgets(partial) });
    expect(table).toContain('2 × cpu');
    expect(table).toContain('Chromium 156');
    expect(table).toContain('300 ms to first token');
    expect(table).toMatch(/\| 4 \| Trigger → request at the server \| 80\.0 ms median · 120\.0 ms p95 \(n=20\) \| ≤ 50\.0 ms ❌ over \|/);
    expect(table).toMatch(/\| 5 \| Token → screen.*✅ \|/);
    expect(table).toContain(
      '| 3 | Popup JS loaded later, on demand (gzipped) | HistoryContents +7.03 KB; ImageRunView +2.20 KB | reported |',
    );
    expect(table.split('\n').filter((line) => line.startsWith('| ')).length).toBe(13);
  });
});
