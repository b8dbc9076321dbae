// Browser glue: runs "Generate image" in the background — choose the model, build the request,
// call the Images API, store partial and final images (once, in the history database), record
// every step in the image run.
// One run at a time: a new click cancels the previous run.
import { browser } from 'wxt/browser';
import type { RunImage } from '../history';
import { clearTransientBytes, keepRunImage, putTransientBytes } from '../history-store';
import { base64ToBytes, pngDimensions, sniffMime } from '../image-bytes';
import { capsFor, pickImageModel, retiredModel } from '../image-models';
import { failRun, finishRun, interruptRun, newImageRun, showPartial, startGenerating } from '../image-run';
import { DEFAULT_ASPECT, parseSize } from '../image-size';
import type { JobError } from '../job';
import type { ModelInfo } from '../models';
import { loadSettings } from '../settings-store';
import { classifyImageError, retiredError } from './classify-image-error';
import { type GeneratedImage, generateImages } from './image-client';
import { buildImageRequest, type ImageInput, MAX_IMAGE_PROMPT_CHARS } from './image-request';
import { mutateImageRun, mutateImageRunById } from './image-run-store';
import { readApiKey } from './key-store';
import { createClient, listModels } from './model-client';

const running = new Map<string, AbortController>();
const now = () => Date.now();
const newId = () => crypto.randomUUID().replaceAll('-', '');

/** Image generation often takes longer than the chat limit: never less than this. */
const MIN_IMAGE_TIMEOUT_S = 180;
const KEEP_ALIVE_MS = 25_000;

/**
 * A long image request is one "long-running operation" in Chrome's terms: calling an extension
 * API now and then keeps the service worker from being stopped until the answer arrives.
 */
function keepAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEP_ALIVE_MS);
  return () => clearInterval(timer);
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

async function execute(id: string, jobId: string, input: ImageInput): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  const stopKeepAlive = keepAlive();
  const apiKey = await readApiKey();
  let model: string | undefined;
  let models: ModelInfo[] | undefined;
  let partials = 0;
  try {
    if (!apiKey) throw { kind: 'missing-key' } satisfies JobError;
    const settings = await loadSettings();
    const chosen = settings.images.model;
    // The live list says which models exist today; without a choice it is required.
    try {
      models = await readModels(settings.baseUrl, apiKey, controller.signal);
    } catch (error) {
      if (!chosen) throw error;
    }
    model = chosen || pickImageModel(models ?? [], now() / 1000);
    if (!model) throw { kind: 'no-image-model' } satisfies JobError;
    const gone = retiredModel(models, model, now() / 1000);
    if (gone) throw retiredError(gone);
    const caps = capsFor(model);
    const request = buildImageRequest(input, model, settings.images, caps);
    await mutateImageRunById(id, (run) =>
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
    const timeoutS = Math.max(settings.requestTimeoutSeconds, MIN_IMAGE_TIMEOUT_S);
    const client = createClient({ baseUrl: settings.baseUrl, apiKey, timeoutMs: timeoutS * 1000, maxRetries: 1 });
    const images: GeneratedImage[] = await generateImages(client, request, {
      signal: controller.signal,
      onPartial: async (b64, index) => {
        partials++;
        // A preview is transient: bytes without a history row, cleared when the next run starts.
        const partialId = `${id}-partial-${index}`;
        await putTransientBytes(partialId, decodeImage(b64, request.sizeChoice.size).bytes);
        await mutateImageRunById(id, (run) => showPartial(run, { id: partialId, index }, now()));
      },
    });
    const metas: RunImage[] = [];
    for (const [index, image] of images.entries()) {
      // Kept in history with its prompt; a refusal there shows its own notice and never costs the
      // image: the run then shows transient bytes.
      const decoded = decodeImage(image.b64, image.size ?? request.sizeChoice.size);
      metas.push(await keepRunImage(jobId, { ...decoded, model }, `${id}-${index}`));
    }
    await mutateImageRunById(id, (run) => finishRun(run, metas, now()));
  } catch (error) {
    const jobError = classifyImageError(error, { model, models, partials, nowSeconds: now() / 1000, secrets: [apiKey] });
    await mutateImageRunById(id, (run) => failRun(run, jobError, now()));
  } finally {
    stopKeepAlive();
    running.delete(id);
  }
}

function cancelRunning(): void {
  for (const controller of running.values()) controller.abort();
  running.clear();
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
  cancelRunning();
  const id = newId();
  const input: ImageInput = {
    prompt: request.prompt.trim(),
    ...(request.negativePrompt?.trim() ? { negativePrompt: request.negativePrompt.trim() } : {}),
    aspect: request.aspect ?? DEFAULT_ASPECT,
  };
  await clearTransientBytes().catch(() => undefined);
  await mutateImageRun(() => newImageRun(id, { jobId: request.jobId, ...input, aspect: input.aspect ?? DEFAULT_ASPECT }, now()));
  const problem = promptProblem(input.prompt);
  // Shown in the popup like any other failure (the run carries it), never a silent refusal.
  if (problem) await mutateImageRunById(id, (run) => failRun(run, problem, now()));
  else void execute(id, request.jobId, input);
  return id;
}

export async function cancelImageRun(id: string): Promise<boolean> {
  const controller = running.get(id);
  controller?.abort();
  return controller !== undefined;
}

/** After the worker was stopped: a run that was in progress has nobody working on it any more. */
export function recoverImageRun(): Promise<unknown> {
  return mutateImageRun((run) => (run ? interruptRun(run, now()) : undefined));
}
