// Deadlines for one streamed request, through AbortSignal: an overall deadline from the start,
// and an idle limit once the answer has begun (no bytes for so long: the stream has stalled).
// Either one aborts the request with a PromptbrushError as the reason, so the run can tell a
// deadline from the person's Cancel. No browser APIs: runs in the worker and in Node tests.
import { PromptbrushError } from '../errors';

export interface StreamLimits {
  /** The whole request, from the start to the last byte. */
  totalMs: number;
  /** Longest silence once the answer has begun. */
  idleMs: number;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export class StreamWatch {
  private readonly own = new AbortController();
  private readonly deadline: AbortSignal;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** The request's signal: the caller's, the deadline and this watch's own stop. */
  readonly signal: AbortSignal;

  constructor(
    readonly limits: StreamLimits,
    outer?: AbortSignal,
  ) {
    this.deadline = AbortSignal.timeout(Math.max(1, limits.totalMs));
    this.signal = AbortSignal.any([...(outer ? [outer] : []), this.deadline, this.own.signal]);
    this.deadline.addEventListener('abort', () => this.clearIdle(), { once: true });
  }

  /** Bytes arrived (or the headers did): the idle clock starts again. */
  activity(): void {
    if (this.disposed || this.signal.aborted) return;
    this.clearIdle();
    this.idleTimer = setTimeout(
      () => this.stop(new PromptbrushError('stalled', `Nothing arrived for ${seconds(this.limits.idleMs)}.`)),
      this.limits.idleMs,
    );
  }

  /** Stops the request for a reason of the caller's own (the answer reached its cap). */
  stop(reason: unknown): void {
    this.clearIdle();
    if (!this.own.signal.aborted) this.own.abort(reason);
  }

  /**
   * Why this watch ended the request: the deadline, the silence, or the caller's stop; undefined
   * when it did not (still running, or stopped from outside: the person's Cancel).
   */
  get reason(): unknown {
    if (!this.signal.aborted) return undefined;
    // AbortSignal.any takes the reason of whichever source aborted first.
    if (this.own.signal.aborted && this.signal.reason === this.own.signal.reason) return this.own.signal.reason;
    if (this.deadline.aborted && this.signal.reason === this.deadline.reason) {
      return new PromptbrushError('timeout', `No complete answer within ${seconds(this.limits.totalMs)}.`);
    }
    return undefined;
  }

  /** The request is over: no timer may fire any more. */
  dispose(): void {
    this.disposed = true;
    this.clearIdle();
  }

  private clearIdle(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** The limits a run's settings give: the time limit for the whole request, the idle limit once it answers. */
export function streamLimits(settings: { requestTimeoutSeconds: number; idleTimeoutSeconds: number }, minTotalSeconds = 0): StreamLimits {
  return { totalMs: Math.max(settings.requestTimeoutSeconds, minTotalSeconds) * 1000, idleMs: settings.idleTimeoutSeconds * 1000 };
}

/**
 * A fetch whose response bodies report every chunk of bytes (keep-alive comments included), so
 * that an answer still arriving is never taken for a stalled one.
 */
export function reportingBytes(base: typeof fetch, onBytes: () => void): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    onBytes();
    if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
