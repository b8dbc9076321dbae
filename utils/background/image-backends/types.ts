// The one interface every image backend's adapter implements (one file each beside this one; the
// table of what each accepts is utils/image-backends.ts). The image run (../image-runner.ts) calls
// it and never knows which backend it talks to. No browser APIs: fetch and WebSocket come in as
// parameters, so adapters run in Node tests against the fakes.

import type { RunPlan } from '../../image-run';
import type { ImageSettings } from '../../image-settings';
import type { ImageAspect } from '../../image-size';

/** What the person asked for: the prompt as shown, its negative prompt, aspect ratio, seed and count. */
export interface BackendJob {
  prompt: string;
  negativePrompt?: string;
  aspect: ImageAspect;
  /** -1: a new seed. */
  seed: number;
  /** 1–4: capped by the backend's own limit. */
  count: number;
}

/** Where and how to reach the backend, for one run (read once from the settings and the key store). */
export interface BackendConnection {
  baseUrl: string;
  /** The bearer token (a placeholder for servers that need none). */
  apiKey: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** For backends that report progress over a socket (ComfyUI); absent: they poll. */
  WebSocket?: typeof WebSocket;
  /** The extension's own origin ("chrome-extension://id"), named in the launch flags a local server needs. */
  origin?: string;
  /** Whether the browser granted access to the backend's host (undefined: not known). */
  hostAccess?: boolean;
}

export interface BackendProgress {
  /** 0–1, where the backend reports it. */
  fraction?: number;
  /** A preview of the image being drawn (PNG, JPEG or WebP bytes). */
  preview?: Uint8Array;
}

export interface BackendCallbacks {
  signal: AbortSignal;
  nowSeconds: number;
  /** The request is decided: which model, what size, how many (shown while drawing). */
  onPlan: (plan: RunPlan) => Promise<unknown>;
  onProgress: (progress: BackendProgress) => Promise<unknown>;
}

export interface BackendImage {
  bytes: Uint8Array;
  /** The seed this image was drawn with, where the backend says or was told. */
  seed?: number;
  /** "WIDTHxHEIGHT" where the backend reports it. */
  size?: string;
}

export interface BackendResult {
  model: string;
  images: BackendImage[];
  /** The prompt and negative prompt as the backend was sent them (kept in history). */
  prompt: string;
  negativePrompt?: string;
}

export interface ImageBackendAdapter {
  /**
   * Draws the job. Cancelling (the signal) also stops the server's own job where the backend can.
   * Every failure is thrown as a PromptbrushError with the backend's own meaning.
   */
  generate(job: BackendJob, settings: ImageSettings, connection: BackendConnection, callbacks: BackendCallbacks): Promise<BackendResult>;
  /** The models or checkpoints the backend offers (Test and Settings); throws a PromptbrushError. */
  listModels(connection: BackendConnection, signal?: AbortSignal): Promise<string[]>;
}
