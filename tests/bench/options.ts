// The bench's parameters, from command-line flags or BENCH_* environment variables. Pure.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Measured runs of the streaming path (trigger → request, token → screen, overhead ratio). */
  runs: number;
  /** Unmeasured runs first, for every repeated measurement. */
  warmup: number;
  /** Times the popup page is opened to time its first render of the last job. */
  opens: number;
  /** Times the service worker is stopped and woken. */
  wakes: number;
  /** Simulated model latency: request → first token (ms). */
  latencyMs: number;
  /** Simulated token rate: delay between chunks (ms), and characters per chunk. */
  chunkDelayMs: number;
  chunkSize: number;
  /** Where the JSON results go. */
  out: string;
  help: boolean;
}

const FLAGS = {
  runs: { env: 'BENCH_RUNS', fallback: 30, min: 20, what: 'measured runs of the streaming path (at least 20)' },
  warmup: { env: 'BENCH_WARMUP', fallback: 3, min: 0, what: 'warm-up runs before each repeated measurement' },
  opens: { env: 'BENCH_OPENS', fallback: 20, min: 1, what: 'popup openings timed' },
  wakes: { env: 'BENCH_WAKES', fallback: 10, min: 1, what: 'service-worker stops and wake-ups timed' },
  'latency-ms': { env: 'BENCH_LATENCY_MS', fallback: 300, min: 0, what: 'simulated model latency to the first token (ms)' },
  'chunk-delay-ms': { env: 'BENCH_CHUNK_DELAY_MS', fallback: 20, min: 0, what: 'delay between streamed chunks (ms)' },
  'chunk-size': { env: 'BENCH_CHUNK_SIZE', fallback: 4, min: 1, what: 'characters per streamed chunk (~1 token)' },
} as const;

type Flag = keyof typeof FLAGS;

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, f]) => `  --${flag.padEnd(16)} ${f.what} [${f.env}, default ${f.fallback}]`);
  return ['Usage: npm run bench -- [options]', ...lines, '  --out FILE         JSON results [BENCH_OUT, default bench-results.json]'].join(
    '\n',
  );
}

export function parseBenchOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const number = (flag: Flag): number => {
    const spec = FLAGS[flag];
    const raw = (values as Record<string, string | undefined>)[flag] ?? env[spec.env];
    if (raw === undefined || raw === '') return spec.fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < spec.min)
      throw new Error(`--${flag} (${spec.env}) must be an integer ≥ ${spec.min}, not "${raw}".`);
    return value;
  };
  return {
    runs: number('runs'),
    warmup: number('warmup'),
    opens: number('opens'),
    wakes: number('wakes'),
    latencyMs: number('latency-ms'),
    chunkDelayMs: number('chunk-delay-ms'),
    chunkSize: number('chunk-size'),
    out: (values.out as string | undefined) ?? env.BENCH_OUT ?? 'bench-results.json',
    help: Boolean(values.help),
  };
}
