// The providers a person can pick, as data: what each preset fills in and what it needs. Pure.

export type ProviderId = 'openai' | 'openrouter' | 'ollama' | 'lmstudio' | 'custom' | 'chrome-builtin';

export interface ProviderPreset {
  label: string;
  /** Base URL the preset fills in; '' where the person types their own (Custom, built-in). */
  baseUrl: string;
  /** Whether requests need an API key. Local servers accept anything, the built-in model none. */
  needsKey: boolean;
  /** False for Chrome's on-device model: no endpoint, no key, no network. */
  http: boolean;
  /** One or two sentences shown under the picker: where to get a key, how to start the server. */
  hint: string;
  /** Where the person creates a key or adds credit (shown as text, never fetched). */
  accountUrl?: string;
}

export const PROVIDERS = {
  openai: {
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    needsKey: true,
    http: true,
    hint: 'Create a key at platform.openai.com/api-keys. Usage is billed to your OpenAI account.',
    accountUrl: 'https://platform.openai.com/api-keys',
  },
  openrouter: {
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    needsKey: true,
    http: true,
    hint: 'One key for models from many labs: create it at openrouter.ai/keys. Model ids look like "openai/gpt-…".',
    accountUrl: 'https://openrouter.ai/keys',
  },
  ollama: {
    label: 'Ollama (on this computer)',
    baseUrl: 'http://localhost:11434/v1',
    needsKey: false,
    http: true,
    hint: 'Runs models on your computer; no key needed. Ollama accepts browser extensions only when started with OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*',
  },
  lmstudio: {
    label: 'LM Studio (on this computer)',
    baseUrl: 'http://localhost:1234/v1',
    needsKey: false,
    http: true,
    hint: 'Start the local server in LM Studio (Developer tab) and load a model; no key needed.',
  },
  custom: {
    label: 'Custom (any OpenAI-compatible server)',
    baseUrl: '',
    needsKey: true,
    http: true,
    hint: 'vLLM, llama.cpp, LiteLLM, Groq, Together, a company proxy… If your server needs no key, type any text such as "none".',
  },
  'chrome-builtin': {
    label: "Chrome's built-in model (on device)",
    baseUrl: '',
    needsKey: false,
    http: false,
    hint: 'Gemini Nano runs inside Chrome: nothing leaves this computer, no key, no cost. It needs a capable computer and a one-time download.',
  },
} as const satisfies Record<ProviderId, ProviderPreset>;

export const PROVIDER_IDS = Object.keys(PROVIDERS) as ProviderId[];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && Object.hasOwn(PROVIDERS, value);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The preset a base URL belongs to (for settings saved before presets existed). */
export function providerForBaseUrl(baseUrl: string): ProviderId {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return 'custom';
  }
  for (const id of PROVIDER_IDS) {
    const preset: ProviderPreset = PROVIDERS[id];
    if (preset.baseUrl && new URL(preset.baseUrl).origin === url.origin) return id;
  }
  if (LOOPBACK.has(url.hostname) && url.port === '11434') return 'ollama';
  if (LOOPBACK.has(url.hostname) && url.port === '1234') return 'lmstudio';
  return 'custom';
}

export function isLoopback(baseUrl: string): boolean {
  try {
    return LOOPBACK.has(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}
