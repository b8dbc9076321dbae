// Plain HTTP to a local image server (AUTOMATIC1111, ComfyUI) with the run's fetch, its time limit
// and its signal, and what a failure there means: not running, refusing the extension (CORS or an
// origin check), out of GPU memory. No browser APIs: fetch comes in with the connection.
import { type JobError, PromptbrushError } from '../../errors';
import type { BackendConnection } from './types';

/** A local server answered with an HTTP error. */
export class LocalHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly path: string,
  ) {
    super(`HTTP ${status} from ${path}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

const url = (connection: BackendConnection, path: string) => `${connection.baseUrl}${path}`;

/** A signal that fires on the caller's signal or after the time limit. */
function limited(connection: BackendConnection, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(connection.timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

export async function localFetch(
  connection: BackendConnection,
  path: string,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<Response> {
  const response = await connection.fetch(url(connection, path), { ...init, signal: limited(connection, signal) });
  if (!response.ok) throw new LocalHttpError(response.status, await response.text().catch(() => ''), path);
  return response;
}

export async function getJson<T>(connection: BackendConnection, path: string, signal?: AbortSignal): Promise<T> {
  return (await (await localFetch(connection, path, {}, signal)).json()) as T;
}

export async function postJson<T>(connection: BackendConnection, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await localFetch(
    connection,
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    signal,
  );
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** Fire and forget (interrupting a job that is being cancelled): failures change nothing. */
export function postQuietly(connection: BackendConnection, path: string, body: unknown = {}): void {
  void connection
    .fetch(url(connection, path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .catch(() => undefined);
}

/**
 * A request that never got an answer: is the server not running, or running and refusing the
 * extension? A no-cors request reaches a running server whatever its CORS rules, so it tells.
 */
async function serverAnswers(connection: BackendConnection): Promise<boolean> {
  try {
    await connection.fetch(connection.baseUrl.replace(/\/?$/, '/'), { mode: 'no-cors', signal: AbortSignal.timeout(3_000) });
    return true;
  } catch {
    return false;
  }
}

/** A local server, as failures name it. */
export interface LocalServer {
  /** "the Stable Diffusion web UI", "ComfyUI". */
  name: string;
  /** The launch flags that let the extension in, with its exact origin. */
  flags: (origin: string) => string;
}

const OUT_OF_MEMORY = /out ?of ?memory|OutOfMemoryError|CUDA error: out of memory|Allocation on device/i;

/** What a failed request to a local server means, in the error table's words, with the exact launch flags. */
export async function localError(
  error: unknown,
  connection: BackendConnection,
  server: LocalServer,
  signal?: AbortSignal,
): Promise<JobError> {
  if (error instanceof PromptbrushError) return error.toJobError();
  if (signal?.aborted) return { kind: 'cancelled' };
  if (error instanceof DOMException && error.name === 'TimeoutError') return { kind: 'timeout' };
  const origin = connection.origin ?? 'chrome-extension://<id>';
  const start = `Start it with: ${server.flags(origin)}`;
  if (error instanceof LocalHttpError) {
    if (OUT_OF_MEMORY.test(error.body)) return { kind: 'gpu-out-of-memory', detail: detailOf(error.body) };
    if (error.status === 403) return { kind: 'local-refused', detail: `${server.name} answered 403 to ${origin}. ${start}` };
    if (error.status === 404) {
      return {
        kind: 'local-offline',
        detail: `${connection.baseUrl}${error.path} does not exist: is this ${server.name}, with its API on? ${start}`,
      };
    }
    return { kind: error.status >= 500 ? 'server' : 'bad-request', detail: detailOf(error.body) || error.message };
  }
  if (await serverAnswers(connection)) {
    return { kind: 'local-refused', detail: `${server.name} at ${connection.baseUrl} refused ${origin} (CORS). ${start}` };
  }
  return { kind: 'local-offline', detail: `Nothing answered at ${connection.baseUrl} (${server.name}). ${start}` };
}

/** The server's own words from an error body (JSON or text), short. */
export function detailOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const words = [parsed.errors, parsed.detail, parsed.error, parsed.message].find((v) => typeof v === 'string' && v);
    if (typeof words === 'string') return words.slice(0, 300);
  } catch {
    // not JSON: the text itself
  }
  return body.slice(0, 300);
}

/** A fresh seed where the server wants one given (ComfyUI), or the one asked for. */
export function concreteSeed(seed: number): number {
  return seed >= 0 ? seed : Math.floor(Math.random() * 2 ** 32);
}
