import { describe, expect, it } from 'vitest';
import { autoMap, BUILTIN_WORKFLOW, fillWorkflow, parseMapLines, resolveWorkflow } from '../../utils/comfy-workflow';
import { IMAGE_BACKEND_KINDS, IMAGE_BACKENDS, isLocalBackend, localSize, nativeScale, normalizeLocalUrl } from '../../utils/image-backends';
import { DEFAULT_IMAGE_SETTINGS, validateImageSettings } from '../../utils/image-settings';
import { imageCredentialFor, imageEndpoint, NO_KEY } from '../../utils/key-policy';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, validateSettings } from '../../utils/settings';

describe('the backends table', () => {
  it('has a row per kind saying what it accepts and how to set it up', () => {
    expect(IMAGE_BACKEND_KINDS).toEqual(['openai-images', 'chat-images', 'a1111', 'comfyui']);
    for (const kind of IMAGE_BACKEND_KINDS) expect(IMAGE_BACKENDS[kind].setup.length, kind).toBeGreaterThan(20);
    expect(IMAGE_BACKENDS.a1111.setup).toContain('--api --cors-allow-origins');
    expect(IMAGE_BACKENDS.comfyui.setup).toContain('--enable-cors-header');
  });

  it.each([
    ['1:1', 512, { width: 512, height: 512 }],
    ['16:9', 512, { width: 704, height: 384 }],
    ['2:3', 512, { width: 448, height: 640 }],
    ['1:1', 1024, { width: 1024, height: 1024 }],
    ['16:9', 1024, { width: 1344, height: 768 }],
    ['9:16', 1024, { width: 768, height: 1344 }],
    ['3:2', 1024, { width: 1280, height: 832 }],
  ] as const)('%s at %i → %o (multiples of 64)', (aspect, scale, size) => {
    expect(localSize(aspect, scale)).toEqual(size);
  });

  it('reads the native scale from the checkpoint name', () => {
    expect(nativeScale('sd_xl_base_1.0.safetensors [31e35c80fc]')).toBe(1024);
    expect(nativeScale('ponyDiffusionV6XL')).toBe(1024);
    expect(nativeScale('v1-5-pruned-emaonly.safetensors')).toBe(512);
  });

  it('normalises a local server address', () => {
    expect(normalizeLocalUrl('127.0.0.1:7860/')).toBe('http://127.0.0.1:7860');
    expect(normalizeLocalUrl('http://localhost:7860/sdapi/v1/txt2img')).toBe('http://localhost:7860');
    expect(normalizeLocalUrl('http://127.0.0.1:8188/prompt')).toBe('http://127.0.0.1:8188');
    expect(normalizeLocalUrl('http://u:p@127.0.0.1:8188')).toBeNull();
    expect(normalizeLocalUrl('ftp://x')).toBeNull();
  });
});

describe('image settings and their migration', () => {
  it('default to the OpenAI Images API through the chat provider, the negative prompt left out of the prompt', () => {
    expect(DEFAULT_SETTINGS.images).toMatchObject({
      backend: 'openai-images',
      sameAsChat: true,
      baseUrl: '',
      negativeAsWords: false,
      seed: -1,
    });
  });

  it('local backends never share the chat provider; their address keeps no /v1', () => {
    expect(validateImageSettings({ backend: 'a1111', sameAsChat: true, baseUrl: 'localhost:7860' })).toMatchObject({
      sameAsChat: false,
      baseUrl: 'http://localhost:7860',
    });
    expect(validateImageSettings({ backend: 'chat-images', sameAsChat: false, baseUrl: 'openrouter.ai' }).baseUrl).toBe(
      'https://openrouter.ai/api/v1',
    );
    expect(validateImageSettings({ seed: -5, steps: 900, cfg: 7.3 })).toMatchObject({ seed: -1, steps: 150, cfg: 7.5 });
  });

  it('version 2 turns what was the one way to draw into "OpenAI Images API, same provider as chat", keeping the prompt as it was', () => {
    expect(SETTINGS_VERSION).toBe(2);
    const v1 = {
      provider: 'custom',
      baseUrl: 'https://llm.example.com/v1',
      chatModel: 'm',
      images: { model: 'gpt-image-2', quality: 'high', format: 'webp', count: 3 },
    };
    // Stored as migrated, read through the schema (as every read is).
    const migrated = validateSettings(SETTINGS_MIGRATIONS[2]?.(v1));
    expect(migrated.images).toEqual({
      ...DEFAULT_IMAGE_SETTINGS,
      backend: 'openai-images',
      sameAsChat: true,
      model: 'gpt-image-2',
      quality: 'high',
      format: 'webp',
      count: 3,
      negativeAsWords: true,
    });
    expect(migrated.baseUrl).toBe('https://llm.example.com/v1');
    expect(imageEndpoint(migrated)).toEqual({
      backend: 'openai-images',
      baseUrl: 'https://llm.example.com/v1',
      sharesChat: true,
    });
    expect(validateSettings(SETTINGS_MIGRATIONS[2]?.(undefined))).toEqual(validateSettings({ images: { negativeAsWords: true } }));
  });
});

describe('the image key', () => {
  it('is bound to the image endpoint; local servers need none; a cloud backend without one says so', () => {
    const saved = { key: 'sk-or-image-123456', endpoint: 'https://openrouter.ai/api/v1', storage: 'local' as const };
    expect(imageCredentialFor({ saved, backend: 'chat-images', endpoint: 'https://openrouter.ai/api/v1' })).toEqual({ apiKey: saved.key });
    const elsewhere = imageCredentialFor({ saved, backend: 'openai-images', endpoint: 'https://images.example.com/v1' });
    expect(elsewhere).toMatchObject({ error: { kind: 'missing-key' } });
    expect(JSON.stringify(elsewhere)).not.toContain(saved.key);
    expect(imageCredentialFor({ saved: null, backend: 'a1111', endpoint: 'http://127.0.0.1:7860' })).toEqual({ apiKey: NO_KEY });
    const local = { ...DEFAULT_SETTINGS, images: { ...DEFAULT_IMAGE_SETTINGS, backend: 'comfyui' as const, sameAsChat: false } };
    expect(imageEndpoint(local)).toEqual({ backend: 'comfyui', baseUrl: 'http://127.0.0.1:8188', sharesChat: false });
  });
});

describe('ComfyUI workflows', () => {
  it('maps the built-in graph from its sampler', () => {
    expect(autoMap(BUILTIN_WORKFLOW)).toEqual({
      seed: { node: '3', input: 'seed' },
      steps: { node: '3', input: 'steps' },
      cfg: { node: '3', input: 'cfg' },
      positive: { node: '6', input: 'text' },
      negative: { node: '7', input: 'text' },
      width: { node: '5', input: 'width' },
      height: { node: '5', input: 'height' },
      batch: { node: '5', input: 'batch_size' },
      checkpoint: { node: '4', input: 'ckpt_name' },
    });
  });

  it('fills a copy, leaving the built-in graph as it was', () => {
    const resolved = resolveWorkflow('', '');
    if ('problem' in resolved) throw new Error(resolved.problem);
    const graph = fillWorkflow(resolved, { positive: 'a fox', seed: 7, width: 704 });
    expect(graph['6']?.inputs.text).toBe('a fox');
    expect(graph['3']?.inputs.seed).toBe(7);
    expect(BUILTIN_WORKFLOW['6']?.inputs.text).toBe('');
  });

  it('names what is wrong with a pasted workflow or mapping', () => {
    expect(resolveWorkflow('not json', '')).toEqual({ problem: expect.stringContaining('not JSON') });
    expect(resolveWorkflow('{"1": {"class_type": "SaveImage", "inputs": {}}}', '')).toEqual({
      problem: expect.stringContaining('No node takes the prompt'),
    });
    expect(resolveWorkflow(JSON.stringify({ '6': { class_type: 'CLIPTextEncode', inputs: { text: '' } } }), '')).toEqual({
      problem: expect.stringContaining('No node takes the prompt'),
    });
    const noSave = JSON.stringify({ '6': { class_type: 'CLIPTextEncode', inputs: { text: '' } } });
    expect(resolveWorkflow(noSave, 'positive = 6.text')).toEqual({ problem: expect.stringContaining('no SaveImage') });
    expect(parseMapLines('positive 6.text')).toEqual({ problem: expect.stringContaining('should read "role = node.input"') });
    expect(parseMapLines('# comment\npositive = 6.text\n\nseed: 3.noise_seed')).toEqual({
      positive: { node: '6', input: 'text' },
      seed: { node: '3', input: 'noise_seed' },
    });
  });
});

describe('the plain lists beside the table', () => {
  it('name the same kinds and local rows as the table', () => {
    expect([...IMAGE_BACKEND_KINDS].sort()).toEqual(Object.keys(IMAGE_BACKENDS).sort());
    for (const kind of IMAGE_BACKEND_KINDS) expect(isLocalBackend(kind), kind).toBe(IMAGE_BACKENDS[kind].local);
  });
});
