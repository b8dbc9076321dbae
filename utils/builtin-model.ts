// Chrome's built-in model (the Prompt API, `LanguageModel`) as a keyless provider. Pure: the
// API object is a parameter, so tests pass a fake; callers take it from their global scope with
// `languageModelIn(globalThis)`. Where the browser has no such API, every function here says so
// in words and nothing throws.
import { errorRow, type JobError, PromptbrushError } from './errors';

export type BuiltinState = 'absent' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** A prompt with an image (the Prompt API's multimodal input). */
export type MultimodalPrompt = { role: 'user'; content: ({ type: 'text'; value: string } | { type: 'image'; value: Blob })[] }[];

export interface LanguageModelSession {
  promptStreaming(input: string | MultimodalPrompt, options?: { signal?: AbortSignal }): AsyncIterable<string>;
  destroy(): void;
}

interface DownloadMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}

export interface LanguageModelApi {
  availability(options?: object): Promise<string>;
  create(options?: {
    initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
    signal?: AbortSignal;
    monitor?: (monitor: DownloadMonitor) => void;
    expectedInputs?: object[];
    expectedOutputs?: object[];
  }): Promise<LanguageModelSession>;
}

/** Text in, English text out: what Promptbrush asks of the model (declared so the browser can refuse early). */
export const IO = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};

/** Text and an image in (prompts from images), where the browser supports it. */
export const IMAGE_IO = {
  expectedInputs: [{ type: 'text', languages: ['en'] }, { type: 'image' }],
  expectedOutputs: IO.expectedOutputs,
};

export function languageModelIn(scope: object): LanguageModelApi | undefined {
  const api = (scope as { LanguageModel?: unknown }).LanguageModel;
  if ((typeof api === 'function' || typeof api === 'object') && api !== null && 'availability' in api && 'create' in api) {
    return api as LanguageModelApi;
  }
  return undefined;
}

export const BUILTIN_STATES: Record<BuiltinState, { text: string; usable: boolean }> = {
  absent: { text: 'This browser has no built-in model.', usable: false },
  unavailable: { text: 'This browser has the Prompt API, but the model cannot run on this device.', usable: false },
  downloadable: { text: 'The model can run here but is not downloaded yet (a one-time download of a few GB).', usable: false },
  downloading: { text: 'The model is downloading. It can be used as soon as the download finishes.', usable: false },
  available: { text: 'The model is downloaded and ready: prompts are written on this device.', usable: true },
};

/** Whether the provider is worth offering: the API exists and the device can run the model. */
export function isOffered(state: BuiltinState): boolean {
  return state !== 'absent' && state !== 'unavailable';
}

export async function builtinState(api: LanguageModelApi | undefined, io: object = IO): Promise<BuiltinState> {
  if (!api) return 'absent';
  try {
    const state = await api.availability(io);
    return state === 'available' || state === 'downloadable' || state === 'downloading' ? state : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

/** What the built-in model threw (its own DOMExceptions), as a row of the error table. */
export function classifyBuiltinError(error: unknown): JobError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message.slice(0, 300) : undefined;
  if (name === 'AbortError') return { kind: 'cancelled' };
  if (name === 'QuotaExceededError') return { kind: 'too-long', detail };
  if (name === 'NotSupportedError' || name === 'NotAllowedError' || name === 'InvalidStateError' || name === 'OperationError') {
    return { kind: 'builtin-unavailable', detail };
  }
  return { kind: 'unknown', detail };
}

/**
 * Starts (or joins) the model download. Must be called from a click: Chrome starts a download
 * only during a user gesture. Reports progress from 0 to 1.
 */
export async function downloadBuiltin(api: LanguageModelApi | undefined, onProgress: (fraction: number) => void): Promise<void> {
  if (!api) throw new PromptbrushError('builtin-unavailable', BUILTIN_STATES.absent.text);
  try {
    const session = await api.create({
      ...IO,
      monitor: (monitor) => monitor.addEventListener('downloadprogress', (event) => onProgress(event.loaded)),
    });
    session.destroy();
  } catch (error) {
    throw PromptbrushError.of(errorRow(error, classifyBuiltinError));
  }
  onProgress(1);
}
