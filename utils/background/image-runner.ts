// Browser glue: runs "Generate image" in the background — choose the model, build the request,
// call the Images API, store partial and final images (once, in the history database), record
// every step in the image run. One generation at a time: a new click replaces (and cancels) the
// previous one.
import { browser } from 'wxt/browser';
import { errorRow, type JobError, PromptbrushError, unknownError } from '../errors';
import type { NewImage, RunImage } from '../history';
import { clearTransientBytes, keepRunImage, putTransientBytes } from '../history-store';
import { IMAGE_BACKENDS } from '../image-backends';
import { pngDimensions, sniffMime } from '../image-bytes';
import { failRun, finishRun, type ImageRun, interruptRun, newImageRun, showProgress, startGenerating } from '../image-run';
import { DEFAULT_ASPECT, parseSize } from '../image-size';
import { IMAGE_ADAPTERS } from './image-backends';
import type { BackendJob } from './image-backends/types';
import { type ImageInput, MAX_IMAGE_PROMPT_CHARS } from './image-request';
import { mutateImageRun, mutateImageRunById } from './image-run-store';
import { readImageRunSnapshot } from './key-store';
import { reportingBytes, StreamWatch, streamLimits } from './stream-watch';

const now = () => Date.now();
const newId = () => crypto.randomUUID().replaceAll('-', '');

/** Image generation often takes longer than the chat limit: never less than this. */
const MIN_IMAGE_TIMEOUT_S = 180;
const KEEP_ALIVE_MS = 25_000;

/**
 * A long image request is one "long-running operation" in Chrome's terms: calling an extension
 * API now and then keeps the service worker from being stopped until the answer arrives — and
 * never past the request's deadline (`until` aborts then, or on cancel).
 */
export function keepAlive(until: AbortSignal): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEP_ALIVE_MS);
  const stop = () => clearInterval(timer);
  until.addEventListener('abort', stop, { once: true });
  return stop;
}

/** What the run needs to show an image: its format and size, from the bytes where they say. */
function describeBytes(bytes: Uint8Array, size: string | undefined): { mime: string; width: number; height: number } {
  const mime = sniffMime(bytes) ?? 'application/octet-stream';
  const dims = pngDimensions(bytes) ?? parseSize(size) ?? { width: 0, height: 0 };
  return { mime, ...dims };
}

/** The extension's own origin, named in the launch flags a local server needs. */
function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}

/**
 * One click on "Generate image": owns its abort controller, its settings-and-key snapshot and
 * every write it makes (the run in storage.session, image bytes, history). Only the current
 * generation writes: once a new click replaces it, or it is cancelled, it writes nothing more.
 */
class ImageGeneration {
  readonly controller = new AbortController();

  constructor(
    readonly id: string,
    readonly jobId: string,
  ) {}

  get isCurrent(): boolean {
    return current === this;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Changes this generation's run; checked when the change is applied. */
  write(change: (run: ImageRun) => ImageRun): Promise<unknown> {
    return mutateImageRunById(this.id, (run) => (this.isCurrent ? change(run) : run));
  }

  /** Stores a streamed preview (transient bytes), or stops the generation if it was replaced or cancelled. */
  async storePreview(previewId: string, bytes: Uint8Array): Promise<void> {
    if (!this.isCurrent) throw new PromptbrushError('cancelled');
    await putTransientBytes(previewId, bytes);
  }

  /** Keeps a finished image: in history, or as transient bytes where history refuses it. */
  async keep(image: NewImage & { bytes: Uint8Array }, transientId: string): Promise<RunImage> {
    if (!this.isCurrent) throw new PromptbrushError('cancelled');
    return keepRunImage(this.jobId, image, transientId);
  }

  /** Stops the generation without a word: the one that replaced it writes from now on. */
  supersede(): void {
    this.controller.abort();
    if (current === this) current = null;
  }

  /** Stops the generation: its last write says so (if it was still drawing), and it writes nothing after. */
  cancel(): Promise<unknown> {
    // Queued while still current: it lands ahead of anything a later generation writes.
    const last = mutateImageRunById(this.id, (run) => failRun(run, { kind: 'cancelled' }, now()));
    this.supersede();
    return last;
  }

  end(): void {
    if (current === this) current = null;
  }
}

/** The generation this worker is running, if any. */
let current: ImageGeneration | null = null;

/**
 * Draws the prompt: reads the settings and the key once (every request goes to that snapshot's
 * endpoint), hands the job to the backend's adapter, stores previews and final images.
 */
async function execute(generation: ImageGeneration, input: ImageInput & { seed?: number }): Promise<void> {
  const { id } = generation;
  let watch: StreamWatch | undefined;
  let stopKeepAlive: () => void = () => undefined;
  try {
    const { settings, credential, endpoint } = await readImageRunSnapshot();
    // One deadline for the whole run, and an idle limit once the backend answers (every byte it
    // sends, every progress report counts); the keep-alive ends with them.
    const activeWatch = new StreamWatch(streamLimits(settings, MIN_IMAGE_TIMEOUT_S), generation.signal);
    watch = activeWatch;
    const { signal } = activeWatch;
    stopKeepAlive = keepAlive(signal);
    if ('error' in credential) throw PromptbrushError.of(credential.error);
    const adapter = IMAGE_ADAPTERS[endpoint.backend];
    const accepts = IMAGE_BACKENDS[endpoint.backend].accepts;
    const timeoutS = Math.max(settings.requestTimeoutSeconds, MIN_IMAGE_TIMEOUT_S);
    const job: BackendJob = {
      prompt: input.prompt,
      ...(input.negativePrompt ? { negativePrompt: input.negativePrompt } : {}),
      aspect: input.aspect ?? DEFAULT_ASPECT,
      seed: input.seed ?? settings.images.seed,
      count: Math.min(settings.images.count, accepts.count),
    };
    let previews = 0;
    const result = await adapter.generate(
      job,
      settings.images,
      {
        baseUrl: endpoint.baseUrl,
        apiKey: credential.apiKey,
        timeoutMs: timeoutS * 1000,
        fetch: reportingBytes(
          (request, init) => fetch(request, init),
          () => activeWatch.activity(),
        ),
        ...(typeof WebSocket === 'function' ? { WebSocket } : {}),
        origin: extensionOrigin(),
      },
      {
        signal,
        nowSeconds: now() / 1000,
        onPlan: (plan) => generation.write((run) => startGenerating(run, { ...plan, backend: endpoint.backend }, now())),
        onProgress: async ({ fraction, preview }) => {
          activeWatch.activity();
          let partial: ImageRun['partial'];
          if (preview) {
            // A preview is transient: bytes without a history row, cleared when the next run starts.
            partial = { id: `${id}-partial-${previews}`, index: previews++ };
            await generation.storePreview(partial.id, preview);
          }
          await generation.write((run) => showProgress(run, fraction, partial, now()));
        },
      },
    );
    const metas: RunImage[] = [];
    for (const [index, image] of result.images.entries()) {
      // Kept in history with how it was drawn; a refusal there shows its own notice and never
      // costs the image: the run then shows transient bytes.
      const drawn = {
        ...describeBytes(image.bytes, image.size),
        bytes: image.bytes,
        model: result.model,
        backend: endpoint.backend,
        prompt: result.prompt,
        ...(result.negativePrompt ? { negativePrompt: result.negativePrompt } : {}),
        ...(image.seed !== undefined ? { seed: image.seed } : {}),
      };
      metas.push(await generation.keep(drawn, `${id}-${index}`));
    }
    await generation.write((run) => finishRun(run, metas, now()));
  } catch (error) {
    await generation.write((run) => failRun(run, errorRow(watch?.reason ?? error, unknownError), now()));
  } finally {
    watch?.dispose();
    stopKeepAlive();
    generation.end();
  }
}

export interface ImageJobRequest extends ImageInput {
  jobId: string;
  /** "Same seed": draw with this seed instead of the settings' own. */
  seed?: number;
}

/** Why a prompt cannot be sent at all, before any request. */
function promptProblem(prompt: string): JobError | undefined {
  if (!prompt) return { kind: 'empty-answer', detail: 'There is no prompt to draw yet.' };
  if (prompt.length > MAX_IMAGE_PROMPT_CHARS)
    return { kind: 'image-prompt-too-long', detail: `This prompt has ${prompt.length.toLocaleString('en')} characters.` };
  return undefined;
}

/** "Generate image": starts a run and returns its id at once; the popup follows the stored run. */
export async function startImageRun(request: ImageJobRequest): Promise<string> {
  current?.supersede();
  const generation = new ImageGeneration(newId(), request.jobId);
  current = generation;
  const input: ImageInput = {
    prompt: request.prompt.trim(),
    ...(request.negativePrompt?.trim() ? { negativePrompt: request.negativePrompt.trim() } : {}),
    aspect: request.aspect ?? DEFAULT_ASPECT,
  };
  const seed = request.seed;
  await clearTransientBytes().catch(() => undefined);
  const { id, jobId } = generation;
  await mutateImageRun(() =>
    generation.isCurrent
      ? newImageRun(id, { jobId, ...input, aspect: input.aspect ?? DEFAULT_ASPECT, ...(seed !== undefined ? { seed } : {}) }, now())
      : undefined,
  );
  const problem = promptProblem(input.prompt);
  // Shown in the popup like any other failure (the run carries it), never a silent refusal.
  if (problem) {
    await generation.write((run) => failRun(run, problem, now()));
    generation.end();
  } else void execute(generation, { ...input, ...(seed !== undefined ? { seed } : {}) });
  return id;
}

export async function cancelImageRun(id: string): Promise<boolean> {
  const generation = current;
  if (generation?.id !== id) return false;
  await generation.cancel();
  return true;
}

/** After the worker was stopped: a run that was in progress has nobody working on it any more. */
export function recoverImageRun(): Promise<unknown> {
  return mutateImageRun((run) => (run ? interruptRun(run, now()) : undefined));
}
