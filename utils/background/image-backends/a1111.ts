// AUTOMATIC1111 / Forge / SD.Next: POST /sdapi/v1/txt2img with the prompt, the negative prompt, a
// size from the aspect ratio at the checkpoint's native scale, steps, CFG, sampler, seed and batch
// size; progress and a live preview from /sdapi/v1/progress while it draws; the seeds used read
// back from the answer's `info`; Cancel sends /sdapi/v1/interrupt.
import { PromptbrushError } from '../../errors';
import { localSize, nativeScale } from '../../image-backends';
import { base64ToBytes } from '../../image-bytes';
import { getJson, type LocalServer, localError, postJson, postQuietly } from './local-http';
import type { BackendConnection, ImageBackendAdapter } from './types';

const SERVER: LocalServer = {
  name: 'the Stable Diffusion web UI',
  flags: (origin) => `./webui.sh --api --cors-allow-origins=${origin}`,
};

const PROGRESS_EVERY_MS = 400;

interface SdModel {
  title: string;
  model_name: string;
}

interface Txt2ImgAnswer {
  images?: string[];
  info?: string;
}

export interface Txt2ImgBody {
  prompt: string;
  negative_prompt: string;
  width: number;
  height: number;
  steps: number;
  cfg_scale: number;
  sampler_name?: string;
  seed: number;
  batch_size: number;
  n_iter: 1;
  send_images: true;
  save_images: false;
  override_settings?: { sd_model_checkpoint: string };
}

/** The checkpoint the person chose, as the server names it (title or short name), or the error saying it is missing. */
function findCheckpoint(models: SdModel[], chosen: string): string {
  const found = models.find((m) => m.title === chosen || m.model_name === chosen || m.title.startsWith(`${chosen} `));
  if (found) return found.title;
  const offered = models.slice(0, 5).map((m) => m.model_name);
  throw new PromptbrushError(
    'checkpoint-missing',
    `"${chosen}" is not among the server's checkpoints${offered.length ? ` (${offered.join(', ')}${models.length > 5 ? ', …' : ''})` : ''}.`,
  );
}

/** The seeds the server used, from `info` (a JSON string): one per image. */
function seedsFrom(info: string | undefined, count: number): (number | undefined)[] {
  try {
    const parsed = JSON.parse(info ?? '{}') as { all_seeds?: unknown; seed?: unknown };
    if (Array.isArray(parsed.all_seeds)) return parsed.all_seeds.map((s) => (Number.isInteger(s) ? (s as number) : undefined));
    if (Number.isInteger(parsed.seed)) return Array.from({ length: count }, (_, i) => (parsed.seed as number) + i);
  } catch {
    // no seeds then
  }
  return [];
}

/** Polls /sdapi/v1/progress until stopped, reporting the fraction and the live preview. */
function followProgress(connection: BackendConnection, report: (fraction: number, preview?: Uint8Array) => Promise<unknown>): () => void {
  let stopped = false;
  let lastPreview = '';
  const poll = async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS));
      if (stopped) return;
      try {
        const answer = await getJson<{ progress?: number; current_image?: string | null }>(
          connection,
          '/sdapi/v1/progress?skip_current_image=false',
        );
        if (stopped) return;
        const image = answer.current_image && answer.current_image !== lastPreview ? answer.current_image : undefined;
        if (image) lastPreview = image;
        await report(answer.progress ?? 0, image ? base64ToBytes(image) : undefined);
      } catch {
        // Progress is a nicety: the drawing itself reports any real failure.
      }
    }
  };
  void poll();
  return () => {
    stopped = true;
  };
}

export const a1111: ImageBackendAdapter = {
  async generate(job, settings, connection, { signal, onPlan, onProgress }) {
    const stopInterrupt = () => postQuietly(connection, '/sdapi/v1/interrupt');
    let stopProgress: () => void = () => undefined;
    try {
      const [models, options] = await Promise.all([
        getJson<SdModel[]>(connection, '/sdapi/v1/sd-models', signal),
        getJson<{ sd_model_checkpoint?: string }>(connection, '/sdapi/v1/options', signal).catch(
          () => ({}) as { sd_model_checkpoint?: string },
        ),
      ]);
      const chosen = settings.model ? findCheckpoint(models, settings.model) : undefined;
      const model = chosen ?? options.sd_model_checkpoint ?? models[0]?.title ?? 'loaded checkpoint';
      const { width, height } = localSize(job.aspect, nativeScale(model));
      const body: Txt2ImgBody = {
        prompt: job.prompt,
        negative_prompt: job.negativePrompt ?? '',
        width,
        height,
        steps: settings.steps,
        cfg_scale: settings.cfg,
        ...(settings.sampler ? { sampler_name: settings.sampler } : {}),
        seed: job.seed,
        batch_size: job.count,
        n_iter: 1,
        send_images: true,
        save_images: false,
        ...(chosen ? { override_settings: { sd_model_checkpoint: chosen } } : {}),
      };
      await onPlan({ model, modelPicked: !chosen, size: `${width}x${height}`, sizeApproximate: false, count: job.count, streaming: true });
      signal.addEventListener('abort', stopInterrupt, { once: true });
      stopProgress = followProgress(connection, (fraction, preview) => onProgress({ fraction, ...(preview ? { preview } : {}) }));
      const answer = await postJson<Txt2ImgAnswer>(connection, '/sdapi/v1/txt2img', body, signal);
      stopProgress();
      // With several images the web UI may put a grid of them first.
      const all = answer.images ?? [];
      const images = all.length > job.count ? all.slice(all.length - job.count) : all;
      if (images.length === 0) throw new PromptbrushError('no-image-data', 'The web UI answered without images.');
      const seeds = seedsFrom(answer.info, images.length);
      return {
        model,
        prompt: job.prompt,
        ...(job.negativePrompt ? { negativePrompt: job.negativePrompt } : {}),
        images: images.map((b64, index) => {
          const seed = seeds[index];
          return { bytes: base64ToBytes(b64), size: `${width}x${height}`, ...(seed !== undefined ? { seed } : {}) };
        }),
      };
    } catch (error) {
      throw PromptbrushError.of(await localError(error, connection, SERVER, signal));
    } finally {
      stopProgress();
      signal.removeEventListener('abort', stopInterrupt);
    }
  },

  async listModels(connection, signal) {
    try {
      return (await getJson<SdModel[]>(connection, '/sdapi/v1/sd-models', signal)).map((m) => m.title);
    } catch (error) {
      throw PromptbrushError.of(await localError(error, connection, SERVER, signal));
    }
  },
};
