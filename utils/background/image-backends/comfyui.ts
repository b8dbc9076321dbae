// ComfyUI: the built-in text-to-image workflow (or the person's own, in API format) with its inputs
// filled in, queued with POST /prompt; progress and previews from the /ws?clientId= socket (or by
// polling /history/{id} where the socket cannot open); the images fetched from /view; checkpoints
// from /object_info. Cancel sends /interrupt and takes the prompt off the queue.

import { fillWorkflow, mappedValue, type ResolvedWorkflow, resolveWorkflow } from '../../comfy-workflow';
import { PromptbrushError } from '../../errors';
import { localSize, nativeScale } from '../../image-backends';
import { concreteSeed, getJson, LocalHttpError, type LocalServer, localError, localFetch, postJson, postQuietly } from './local-http';
import type { BackendConnection, BackendProgress, ImageBackendAdapter } from './types';

const SERVER: LocalServer = {
  name: 'ComfyUI',
  flags: (origin) => `python main.py --enable-cors-header ${origin}`,
};

const POLL_EVERY_MS = 500;
const SOCKET_OPEN_MS = 3_000;
const OUT_OF_MEMORY = /out ?of ?memory|OutOfMemoryError|Allocation on device/i;

interface ImageRef {
  filename: string;
  subfolder?: string;
  type?: string;
}

interface HistoryItem {
  outputs?: Record<string, { images?: ImageRef[] }>;
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
}

/** The checkpoint names /object_info lists (old form: [[names…]], newer: ["COMBO", {options: [names…]}]). */
async function checkpoints(connection: BackendConnection, signal?: AbortSignal): Promise<string[]> {
  const info = await getJson<Record<string, { input?: { required?: { ckpt_name?: unknown[] } } }>>(
    connection,
    '/object_info/CheckpointLoaderSimple',
    signal,
  );
  const spec = info.CheckpointLoaderSimple?.input?.required?.ckpt_name;
  const first = spec?.[0];
  const names = Array.isArray(first) ? first : (spec?.[1] as { options?: unknown[] } | undefined)?.options;
  return (names ?? []).filter((name): name is string => typeof name === 'string');
}

/** A failed execution, in the error table's words. */
function executionError(data: Record<string, unknown>): PromptbrushError {
  const message = [data.exception_type, data.exception_message].filter((v) => typeof v === 'string').join(': ');
  if (OUT_OF_MEMORY.test(message)) return new PromptbrushError('gpu-out-of-memory', message.slice(0, 300));
  const node =
    typeof data.node_id === 'string' ? ` in node ${data.node_id}${typeof data.node_type === 'string' ? ` (${data.node_type})` : ''}` : '';
  return new PromptbrushError('server', `ComfyUI failed${node}: ${message.slice(0, 300)}`);
}

/** ComfyUI refused the prompt (400): a checkpoint it does not have, or an input the graph gets wrong. */
function promptRefusal(body: string, resolved: ResolvedWorkflow): PromptbrushError {
  try {
    const parsed = JSON.parse(body) as {
      error?: { message?: string; details?: string };
      node_errors?: Record<string, { class_type?: string; errors?: { message?: string; details?: string }[] }>;
    };
    const checkpointNode = resolved.map.checkpoint?.node;
    for (const [id, failure] of Object.entries(parsed.node_errors ?? {})) {
      const first = failure.errors?.[0];
      const words = `Node ${id} (${failure.class_type ?? 'node'}): ${[first?.message, first?.details].filter(Boolean).join(': ')}`;
      if (id === checkpointNode && /not in list/i.test(first?.message ?? ''))
        return new PromptbrushError('checkpoint-missing', words.slice(0, 300));
      return new PromptbrushError('workflow-invalid', words.slice(0, 300));
    }
    const words = [parsed.error?.message, parsed.error?.details].filter(Boolean).join(': ');
    return new PromptbrushError('workflow-invalid', (words || body).slice(0, 300));
  } catch {
    return new PromptbrushError('workflow-invalid', body.slice(0, 300));
  }
}

/** A binary socket message: a preview image (event 1: 4 bytes event, 4 bytes format, then the image). */
function previewFrom(data: ArrayBuffer): Uint8Array | undefined {
  if (data.byteLength <= 8) return undefined;
  const view = new DataView(data);
  return view.getUint32(0) === 1 ? new Uint8Array(data, 8) : undefined;
}

interface Watch {
  /** Resolves when the prompt has run; rejects with what went wrong. */
  done: Promise<void>;
  close: () => void;
}

/** Opens the socket before queueing (so no message is missed); null when it cannot open. */
async function openSocket(connection: BackendConnection, clientId: string): Promise<WebSocket | null> {
  const Socket = connection.WebSocket;
  if (!Socket) return null;
  const address = `${connection.baseUrl.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(clientId)}`;
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new Socket(address);
    } catch {
      resolve(null);
      return;
    }
    socket.binaryType = 'arraybuffer';
    const timer = setTimeout(() => {
      socket.close();
      resolve(null);
    }, SOCKET_OPEN_MS);
    socket.onopen = () => {
      clearTimeout(timer);
      resolve(socket);
    };
    socket.onerror = () => {
      clearTimeout(timer);
      resolve(null);
    };
  });
}

/** Follows the prompt over the socket: progress, previews, the end or the error. Falls back to polling if the socket closes early. */
function watchSocket(socket: WebSocket, promptId: string, report: (progress: BackendProgress) => void, poll: () => Watch): Watch {
  let fallback: Watch | null = null;
  const done = new Promise<void>((resolve, reject) => {
    const mine = (data: Record<string, unknown>) => data.prompt_id === undefined || data.prompt_id === promptId;
    socket.onmessage = (event: MessageEvent) => {
      if (event.data instanceof ArrayBuffer) {
        const preview = previewFrom(event.data);
        if (preview) report({ preview });
        return;
      }
      let message: { type?: string; data?: Record<string, unknown> };
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const data = message.data ?? {};
      if (!mine(data)) return;
      if (message.type === 'progress' && typeof data.value === 'number' && typeof data.max === 'number' && data.max > 0) {
        report({ fraction: data.value / data.max });
      } else if ((message.type === 'executing' && data.node === null) || message.type === 'execution_success') {
        resolve();
      } else if (message.type === 'execution_error') {
        reject(executionError(data));
      } else if (message.type === 'execution_interrupted') {
        reject(new PromptbrushError('cancelled'));
      }
    };
    socket.onclose = () => {
      fallback = poll();
      fallback.done.then(resolve, reject);
    };
  });
  return {
    done,
    close: () => {
      socket.onclose = null;
      socket.close();
      fallback?.close();
    },
  };
}

/** Polls /history/{id} until the prompt has run. */
function watchHistory(connection: BackendConnection, promptId: string, signal: AbortSignal): Watch {
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const history = await getJson<Record<string, HistoryItem>>(connection, `/history/${encodeURIComponent(promptId)}`, signal);
      const item = history[promptId];
      const failure = item?.status?.messages?.find(([type]) => type === 'execution_error')?.[1];
      if (failure || item?.status?.status_str === 'error') throw executionError(failure ?? {});
      if (item && (item.status?.completed || item.outputs)) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  })();
  return {
    done,
    close: () => {
      stopped = true;
    },
  };
}

export const comfyui: ImageBackendAdapter = {
  async generate(job, settings, connection, { signal, onPlan, onProgress }) {
    let promptId: string | undefined;
    let watch: Watch | undefined;
    const stopServerJob = () => {
      postQuietly(connection, '/interrupt');
      if (promptId) postQuietly(connection, '/queue', { delete: [promptId] });
    };
    try {
      const resolved = resolveWorkflow(settings.workflow, settings.workflowMap);
      if ('problem' in resolved) throw new PromptbrushError('workflow-invalid', resolved.problem);
      const listed: string[] = await checkpoints(connection, signal).catch((error: unknown) => {
        if (error instanceof LocalHttpError && error.status === 404) return [] as string[];
        throw error;
      });
      const own = mappedValue(resolved, 'checkpoint');
      const model = settings.model || (typeof own === 'string' && own ? own : listed[0]) || '';
      if (resolved.map.checkpoint && (!model || (listed.length > 0 && !listed.includes(model)))) {
        const offered = listed.slice(0, 5).join(', ');
        throw new PromptbrushError(
          'checkpoint-missing',
          model
            ? `ComfyUI has no checkpoint "${model}"${offered ? ` (it has ${offered}${listed.length > 5 ? ', …' : ''})` : ''}.`
            : 'ComfyUI lists no checkpoint: put one in its models/checkpoints folder.',
        );
      }
      const seed = concreteSeed(job.seed);
      const { width, height } = localSize(job.aspect, nativeScale(model));
      const graph = fillWorkflow(resolved, {
        checkpoint: model,
        positive: job.prompt,
        negative: job.negativePrompt ?? '',
        width,
        height,
        seed,
        steps: settings.steps,
        cfg: settings.cfg,
        batch: job.count,
      });
      const count = resolved.map.batch ? job.count : 1;
      await onPlan({
        model: model || 'workflow',
        modelPicked: !settings.model,
        size: `${width}x${height}`,
        sizeApproximate: false,
        count,
        streaming: true,
      });
      const clientId = crypto.randomUUID();
      const socket = await openSocket(connection, clientId);
      signal.addEventListener('abort', stopServerJob, { once: true });
      let queued: { prompt_id?: string };
      try {
        // Not cut short by Cancel: once sent, the prompt is queued, and only its id lets Cancel take it off.
        queued = await postJson<{ prompt_id?: string }>(connection, '/prompt', { prompt: graph, client_id: clientId });
      } catch (error) {
        socket?.close();
        if (error instanceof LocalHttpError && error.status === 400) throw promptRefusal(error.body, resolved);
        throw error;
      }
      if (!queued.prompt_id) throw new PromptbrushError('workflow-invalid', 'ComfyUI queued nothing.');
      const id = queued.prompt_id;
      promptId = id;
      if (signal.aborted) stopServerJob();
      const poll = () => watchHistory(connection, id, signal);
      const report = (progress: BackendProgress) => void onProgress(progress).catch(() => undefined);
      watch = socket ? watchSocket(socket, id, report, poll) : poll();
      const aborted = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(new PromptbrushError('cancelled'));
        signal.addEventListener('abort', () => reject(new PromptbrushError('cancelled')), { once: true });
      });
      await Promise.race([watch.done, aborted]);
      const history = await getJson<Record<string, HistoryItem>>(connection, `/history/${encodeURIComponent(id)}`, signal);
      const outputs = history[id]?.outputs ?? {};
      const refs = resolved.outputs.flatMap((node) => outputs[node]?.images ?? []);
      if (refs.length === 0) throw new PromptbrushError('no-image-data', 'The workflow ran but saved no image.');
      const images = [];
      for (const ref of refs) {
        const query = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder ?? '', type: ref.type ?? 'output' });
        const response = await localFetch(connection, `/view?${query}`, {}, signal);
        images.push({ bytes: new Uint8Array(await response.arrayBuffer()), seed, size: `${width}x${height}` });
      }
      return {
        model: model || 'workflow',
        prompt: job.prompt,
        ...(job.negativePrompt ? { negativePrompt: job.negativePrompt } : {}),
        images,
      };
    } catch (error) {
      throw PromptbrushError.of(await localError(error, connection, SERVER, signal));
    } finally {
      watch?.close();
      signal.removeEventListener('abort', stopServerJob);
    }
  },

  async listModels(connection, signal) {
    try {
      return await checkpoints(connection, signal);
    } catch (error) {
      throw PromptbrushError.of(await localError(error, connection, SERVER, signal));
    }
  },
};
