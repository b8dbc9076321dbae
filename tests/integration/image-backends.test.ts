// Each image backend's adapter over real HTTP (and a real WebSocket) against the fakes that speak
// its wire format: what the server receives (negative prompt, size from the aspect ratio, seed,
// count), what comes back (images, seeds, progress, previews), Cancel, and each failure's row.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { a1111 } from '../../utils/background/image-backends/a1111';
import { chatImagesAdapter } from '../../utils/background/image-backends/chat-images';
import { comfyui } from '../../utils/background/image-backends/comfyui';
import type { BackendCallbacks, BackendConnection, BackendJob, BackendProgress } from '../../utils/background/image-backends/types';
import { BUILTIN_WORKFLOW } from '../../utils/comfy-workflow';
import { PromptbrushError } from '../../utils/errors';
import { pngDimensions } from '../../utils/image-bytes';
import type { RunPlan } from '../../utils/image-run';
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from '../../utils/image-settings';
import { type FakeA1111, startFakeA1111 } from '../fixtures/fake-a1111';
import { COMFY_CHECKPOINTS, type FakeComfyUI, startFakeComfyUI } from '../fixtures/fake-comfyui';
import { type FakeOpenAI, startFakeOpenAI } from '../fixtures/fake-openai';

let sd: FakeA1111;
let comfy: FakeComfyUI;
let openai: FakeOpenAI;
beforeAll(async () => {
  [sd, comfy, openai] = await Promise.all([startFakeA1111(), startFakeComfyUI(), startFakeOpenAI()]);
});
afterAll(() => Promise.all([sd.close(), comfy.close(), openai.close()]));
beforeEach(() => {
  sd.reset();
  comfy.reset();
  openai.reset();
});

const job: BackendJob = { prompt: 'a lighthouse, (storm:1.2), dusk', negativePrompt: 'blurry, text', aspect: '16:9', seed: 1234, count: 1 };
const connection = (baseUrl: string, extra: Partial<BackendConnection> = {}): BackendConnection => ({
  baseUrl,
  apiKey: 'sk-test-backends-123456',
  timeoutMs: 10_000,
  fetch: (input, init) => fetch(input, init),
  WebSocket,
  origin: 'chrome-extension://abcdefghijklmnop',
  ...extra,
});

function callbacks(controller = new AbortController()) {
  const plans: RunPlan[] = [];
  const progress: BackendProgress[] = [];
  const given: BackendCallbacks = {
    signal: controller.signal,
    nowSeconds: Date.now() / 1000,
    onPlan: async (plan) => plans.push(plan),
    onProgress: async (update) => progress.push(update),
  };
  return { given, plans, progress, controller };
}

async function failure(promise: Promise<unknown>): Promise<{ kind: string; detail?: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PromptbrushError);
    return (error as PromptbrushError).toJobError();
  }
  throw new Error('expected a failure');
}

const settings = (patch: Partial<ImageSettings> = {}): ImageSettings => ({ ...DEFAULT_IMAGE_SETTINGS, ...patch });

describe('AUTOMATIC1111 adapter', () => {
  it('sends the negative prompt, the size from the aspect ratio at the checkpoint scale, the seed and batch; reads seeds from info; reports progress with previews', async () => {
    const { given, plans, progress } = callbacks();
    const result = await a1111.generate(
      { ...job, count: 2 },
      settings({ steps: 20, cfg: 6.5, sampler: 'DPM++ 2M' }),
      connection(sd.url),
      given,
    );
    const body = sd.txt2imgRequests()[0]?.body;
    expect(body).toMatchObject({
      prompt: job.prompt,
      negative_prompt: 'blurry, text',
      width: 1344,
      height: 768,
      steps: 20,
      cfg_scale: 6.5,
      sampler_name: 'DPM++ 2M',
      seed: 1234,
      batch_size: 2,
    });
    // The loaded checkpoint is SDXL (native 1024): 16:9 at ~1024² in multiples of 64.
    expect(plans[0]).toMatchObject({ model: 'sd_xl_base_1.0.safetensors [31e35c80fc]', size: '1344x768', count: 2 });
    expect(result.images.map((i) => i.seed)).toEqual([1234, 1235]);
    expect(result.images).toHaveLength(2); // the grid the web UI puts first is dropped
    expect(pngDimensions(result.images[0]?.bytes ?? new Uint8Array())).toEqual({ width: 1344, height: 768 });
    expect(result.negativePrompt).toBe('blurry, text');
    expect(progress.some((p) => (p.fraction ?? 0) > 0)).toBe(true);
    expect(progress.some((p) => p.preview)).toBe(true);
  });

  it('an SD 1.5 checkpoint draws at ~512, switched per request; an unknown one is "checkpoint-missing" before any drawing', async () => {
    const { given } = callbacks();
    await a1111.generate({ ...job, aspect: '2:3' }, settings({ model: 'v1-5-pruned-emaonly' }), connection(sd.url), given);
    expect(sd.txt2imgRequests()[0]?.body).toMatchObject({
      width: 448,
      height: 640,
      override_settings: { sd_model_checkpoint: 'v1-5-pruned-emaonly.safetensors [6ce0161689]' },
    });
    const missing = await failure(a1111.generate(job, settings({ model: 'dreamshaper_8' }), connection(sd.url), callbacks().given));
    expect(missing.kind).toBe('checkpoint-missing');
    expect(missing.detail).toContain('sd_xl_base_1.0');
  });

  it('Cancel interrupts the server job', async () => {
    sd.drawMs = 5_000;
    const { given, controller } = callbacks();
    const running = a1111.generate(job, settings(), connection(sd.url), given);
    await expect.poll(() => sd.txt2imgRequests().length).toBe(1);
    controller.abort();
    expect((await failure(running)).kind).toBe('cancelled');
    await expect.poll(() => sd.interrupts).toBe(1);
  });

  it('out of GPU memory, not running, and refusing the extension each have their row with the launch flags', async () => {
    sd.outOfMemory = true;
    const oom = await failure(a1111.generate(job, settings(), connection(sd.url), callbacks().given));
    expect(oom).toMatchObject({ kind: 'gpu-out-of-memory', detail: expect.stringContaining('CUDA out of memory') });
    const offline = await failure(a1111.generate(job, settings(), connection('http://127.0.0.1:9'), callbacks().given));
    expect(offline.kind).toBe('local-offline');
    expect(offline.detail).toContain('--api --cors-allow-origins=chrome-extension://abcdefghijklmnop');
    const models = await a1111.listModels(connection(sd.url));
    expect(models).toHaveLength(2);
  });
});

describe('ComfyUI adapter', () => {
  it('fills the built-in workflow (checkpoint, prompts, size, seed, steps, cfg, batch), follows the socket, fetches the images from /view', async () => {
    const { given, plans, progress } = callbacks();
    const result = await comfyui.generate({ ...job, count: 2 }, settings({ steps: 12, cfg: 5 }), connection(comfy.url), given);
    const graph = comfy.prompts[0] as typeof BUILTIN_WORKFLOW;
    expect(graph['4']?.inputs.ckpt_name).toBe(COMFY_CHECKPOINTS[0]);
    expect(graph['6']?.inputs.text).toBe(job.prompt);
    expect(graph['7']?.inputs.text).toBe('blurry, text');
    expect(graph['5']?.inputs).toMatchObject({ width: 1344, height: 768, batch_size: 2 });
    expect(graph['3']?.inputs).toMatchObject({ seed: 1234, steps: 12, cfg: 5 });
    expect(plans[0]).toMatchObject({ size: '1344x768', count: 2 });
    expect(result.images).toHaveLength(2);
    expect(result.images.map((i) => i.seed)).toEqual([1234, 1234]);
    expect(Buffer.from(result.images[0]?.bytes ?? []).toString('base64')).toBe(comfy.sentImages[0]);
    expect(progress.map((p) => p.fraction).filter((f) => f !== undefined)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(progress.some((p) => p.preview)).toBe(true);
    expect(comfy.requests.some((r) => r.path === '/ws')).toBe(true);
  });

  it('without the socket it polls /history; a new seed is a concrete number it reports', async () => {
    comfy.refuseSocket = true;
    const { given } = callbacks();
    const result = await comfyui.generate({ ...job, seed: -1 }, settings(), connection(comfy.url), given);
    const seed = (comfy.prompts[0] as typeof BUILTIN_WORKFLOW)['3']?.inputs.seed;
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(result.images[0]?.seed).toBe(seed);
    expect(comfy.requests.filter((r) => r.path.startsWith('/history/')).length).toBeGreaterThan(1);
  });

  it('a pasted workflow is mapped automatically or by lines; a broken one names the node or input', async () => {
    const pasted = JSON.stringify({
      ...BUILTIN_WORKFLOW,
      '6': { class_type: 'CLIPTextEncode', inputs: { text: '', clip: ['4', 1] }, _meta: { title: 'Positive' } },
    });
    await comfyui.generate(job, settings({ workflow: pasted }), connection(comfy.url), callbacks().given);
    expect((comfy.prompts[0] as typeof BUILTIN_WORKFLOW)['6']?.inputs.text).toBe(job.prompt);
    const wrong = await failure(
      comfyui.generate(job, settings({ workflow: pasted, workflowMap: 'positive = 12.text' }), connection(comfy.url), callbacks().given),
    );
    expect(wrong).toEqual({ kind: 'workflow-invalid', detail: 'Node "12", mapped for the prompt, is not in the workflow.' });
    const noInput = await failure(
      comfyui.generate(job, settings({ workflow: pasted, workflowMap: 'seed = 3.noise' }), connection(comfy.url), callbacks().given),
    );
    expect(noInput.detail).toBe('Node "3" (KSampler) has no input "noise", mapped for the seed.');
    const ui = await failure(
      comfyui.generate(job, settings({ workflow: '{"nodes": [], "links": []}' }), connection(comfy.url), callbacks().given),
    );
    expect(ui.detail).toContain('Export (API)');
  });

  it('Cancel interrupts and takes the prompt off the queue; out of memory and a missing checkpoint have their rows', async () => {
    comfy.drawMs = 5_000;
    const { given, controller } = callbacks();
    const running = comfyui.generate(job, settings(), connection(comfy.url), given);
    await expect.poll(() => comfy.prompts.length).toBe(1);
    controller.abort();
    expect((await failure(running)).kind).toBe('cancelled');
    await expect.poll(() => comfy.interrupts).toBe(1);
    await expect.poll(() => comfy.deleted.length).toBe(1);

    comfy.drawMs = 100;
    comfy.outOfMemory = true;
    expect((await failure(comfyui.generate(job, settings(), connection(comfy.url), callbacks().given))).kind).toBe('gpu-out-of-memory');
    const missing = await failure(comfyui.generate(job, settings({ model: 'nope.safetensors' }), connection(comfy.url), callbacks().given));
    expect(missing.kind).toBe('checkpoint-missing');
  });

  it('refuses a foreign Origin unless started with --enable-cors-header; not running is its own row', async () => {
    comfy.enableCors = false;
    const originFetch: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as object), origin: 'chrome-extension://abcdefghijklmnop' } });
    const refused = await failure(comfyui.listModels(connection(comfy.url, { fetch: originFetch })));
    expect(refused.kind).toBe('local-refused');
    expect(refused.detail).toContain('--enable-cors-header');
    expect((await failure(comfyui.listModels(connection('http://127.0.0.1:9')))).kind).toBe('local-offline');
    comfy.enableCors = true;
    expect(await comfyui.listModels(connection(comfy.url))).toEqual(COMFY_CHECKPOINTS);
  });
});

describe('chat-completion image models (OpenRouter)', () => {
  for (const stream of [true, false]) {
    it(`${stream ? 'streamed' : 'whole'}: modalities and the aspect ratio in image_config, the image from the message's data URL`, async () => {
      const adapter = chatImagesAdapter({ stream });
      const result = await adapter.generate(
        job,
        settings({ model: 'google/gemini-2.5-flash-image' }),
        connection(openai.baseUrl),
        callbacks().given,
      );
      const body = openai.chatRequests()[0]?.body;
      expect(body).toMatchObject({
        model: 'google/gemini-2.5-flash-image',
        modalities: ['image', 'text'],
        image_config: { aspect_ratio: '16:9' },
        messages: [{ role: 'user', content: job.prompt }],
        stream,
      });
      expect(Buffer.from(result.images[0]?.bytes ?? []).toString('base64')).toBe(openai.sentImages[0]);
    });
  }

  it('a model that answers with text only, one the provider says cannot output images, and an error mid-stream', async () => {
    const adapter = chatImagesAdapter({ stream: true });
    const s = settings({ model: 'openai/gpt-4o-mini' });
    openai.chatImages.mode = 'text-only';
    expect((await failure(adapter.generate(job, s, connection(openai.baseUrl), callbacks().given))).kind).toBe('not-image-model');
    openai.chatImages.mode = 'unsupported';
    expect((await failure(adapter.generate(job, s, connection(openai.baseUrl), callbacks().given))).kind).toBe('not-image-model');
    openai.chatImages.mode = 'error-mid-stream';
    const mid = await failure(adapter.generate(job, s, connection(openai.baseUrl), callbacks().given));
    expect(mid.detail).toContain('upstream image service failed');
  });
});
