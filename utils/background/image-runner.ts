// Browser glue: runs "Generate image" in the background — choose the model, build the request,
// call the Images API, store partial and final images (once, in the history database), record
// every step in the image run. One generation at a time: a new click replaces (and cancels) the
// previous one.
import { browser } from 'wxt/browser';
import { type JobError, PromptbrushError } from '../errors';
import type { NewImage, RunImage } from '../history';
import { clearTransientBytes, keepRunImage, putTransientBytes } from '../history-store';
import { base64ToBytes, pngDimensions, sniffMime } from '../image-bytes';
import { capsFor, pickImageModel, retiredModel } from '../image-models';
import { failRun, finishRun, type ImageRun, interruptRun, newImageRun, showPartial, startGenerating } from '../image-run';
import { DEFAULT_ASPECT, parseSize } from '../image-size';
import type { ModelInfo } from '../models';
import { classifyImageError, retiredError } from './classify-image-error';
import { type GeneratedImage, generateImages } from './image-client';
import { buildImageRequest, type ImageInput, MAX_IMAGE_PROMPT_CHARS } from './image-request';
import { mutateImageRun, mutateImageRunById } from './image-run-store';
import { readRunSnapshot } from './key-store';
import { createClient, listModels } from './model-client';
import { StreamWatch, streamLimits } from './stream-watch';

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

/** The bytes of an image the API sent, with what the run needs to show it. */
function decodeImage(b64: string, size: string | undefined): { bytes: Uint8Array; mime: string; width: number; height: number } {
  const bytes = base64ToBytes(b64);
  const mime = sniffMime(bytes) ?? 'application/octet-stream';
  const dims = pngDimensions(bytes) ?? parseSize(size) ?? { width: 0, height: 0 };
  return { bytes, mime, ...dims };
}

async function readModels(baseUrl: string, apiKey: string, signal: AbortSignal): Promise<ModelInfo[]> {
  const client = createClient({ baseUrl, apiKey, timeoutMs: 15_000, maxRetries: 1 });
  return listModels(client, signal);
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
 * endpoint), picks the model, calls the Images API, stores partial and final images.
 */
async function execute(generation: ImageGeneration, input: ImageInput): Promise<void> {
  const { id } = generation;
  let watch: StreamWatch | undefined;
  let stopKeepAlive: () => void = () => undefined;
  let secrets: string[] = [];
  let model: string | undefined;
  let models: ModelInfo[] | undefined;
  let partials = 0;
  try {
    const { settings, credential } = await readRunSnapshot();
    // One deadline for the whole run (model list included); the idle clock starts with the answer.
    watch = new StreamWatch(streamLimits(settings, MIN_IMAGE_TIMEOUT_S), generation.signal);
    const { signal } = watch;
    stopKeepAlive = keepAlive(signal);
    if ('error' in credential) throw PromptbrushError.of(credential.error);
    const { apiKey } = credential;
    secrets = [apiKey];
    const chosen = settings.images.model;
    // The live list says which models exist today; without a choice it is required.
    try {
      models = await readModels(settings.baseUrl, apiKey, signal);
    } catch (error) {
      if (!chosen) throw error;
    }
    model = chosen || pickImageModel(models ?? [], now() / 1000);
    if (!model) throw new PromptbrushError('no-image-model');
    const gone = retiredModel(models, model, now() / 1000);
    if (gone) throw PromptbrushError.of(retiredError(gone));
    const caps = capsFor(model);
    const request = buildImageRequest(input, model, settings.images, caps);
    await generation.write((run) =>
      startGenerating(
        run,
        {
          model: model as string,
          modelPicked: !chosen,
          size: request.sizeChoice.size,
          sizeApproximate: !request.sizeChoice.exact,
          ...(request.body.quality ? { quality: request.body.quality } : {}),
          ...(request.body.output_format ? { format: request.body.output_format } : {}),
          count: request.body.n,
          streaming: request.stream,
        },
        now(),
      ),
    );
    const { totalMs } = watch.limits;
    const activeWatch = watch;
    const client = createClient({
      baseUrl: settings.baseUrl,
      apiKey,
      timeoutMs: totalMs,
      maxRetries: 1,
      onActivity: () => activeWatch.activity(),
    });
    const images: GeneratedImage[] = await generateImages(client, request, {
      signal: generation.signal,
      watch,
      onPartial: async (b64, index) => {
        partials++;
        // A preview is transient: bytes without a history row, cleared when the next run starts.
        const previewId = `${id}-partial-${index}`;
        await generation.storePreview(previewId, decodeImage(b64, request.sizeChoice.size).bytes);
        await generation.write((run) => showPartial(run, { id: previewId, index }, now()));
      },
    });
    const metas: RunImage[] = [];
    for (const [index, image] of images.entries()) {
      // Kept in history with its prompt; a refusal there shows its own notice and never costs the
      // image: the run then shows transient bytes.
      const decoded = decodeImage(image.b64, image.size ?? request.sizeChoice.size);
      metas.push(await generation.keep({ ...decoded, model }, `${id}-${index}`));
    }
    await generation.write((run) => finishRun(run, metas, now()));
  } catch (error) {
    const jobError = classifyImageError(watch?.reason ?? error, { model, models, partials, nowSeconds: now() / 1000, secrets });
    await generation.write((run) => failRun(run, jobError, now()));
  } finally {
    watch?.dispose();
    stopKeepAlive();
    generation.end();
  }
}

export interface ImageJobRequest extends ImageInput {
  jobId: string;
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
  await clearTransientBytes().catch(() => undefined);
  const { id, jobId } = generation;
  await mutateImageRun(() =>
    generation.isCurrent ? newImageRun(id, { jobId, ...input, aspect: input.aspect ?? DEFAULT_ASPECT }, now()) : undefined,
  );
  const problem = promptProblem(input.prompt);
  // Shown in the popup like any other failure (the run carries it), never a silent refusal.
  if (problem) {
    await generation.write((run) => failRun(run, problem, now()));
    generation.end();
  } else void execute(generation, input);
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
