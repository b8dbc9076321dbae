// "Test connection" and the live model list, for the options page. No browser APIs.
import { classifyError } from './classify-error';
import { ERROR_KINDS } from './error-kinds';
import type { JobError } from './job';
import { createClient, listModels } from './llm';
import { type ModelInfo, usableChatModels } from './models';
import type { ConnectionReport } from './protocol';
import { normalizeBaseUrl } from './settings';

export interface ResolvedProvider {
  baseUrl: string;
  apiKey: string;
  chatModel?: string;
}

const TEST_TIMEOUT_MS = 15_000;

export function resolveBaseUrl(input: string): string {
  const baseUrl = normalizeBaseUrl(input);
  if (!baseUrl) throw { kind: 'offline', detail: `"${input}" is not an http(s) address.` } satisfies JobError;
  return baseUrl;
}

export async function fetchModels(provider: ResolvedProvider): Promise<ModelInfo[]> {
  const client = createClient({ baseUrl: provider.baseUrl, apiKey: provider.apiKey, timeoutMs: TEST_TIMEOUT_MS, maxRetries: 0 });
  return listModels(client);
}

/**
 * A minimal real call: list the models (cheap, needs a valid key on every OpenAI-compatible
 * server), then check that the chosen chat model is among them.
 */
export async function testConnection(provider: ResolvedProvider, nowSeconds: number): Promise<ConnectionReport> {
  if (!provider.apiKey) return { ok: false, errorKind: 'missing-key', message: ERROR_KINDS['missing-key'].message };
  try {
    const models = await fetchModels(provider);
    const chat = usableChatModels(models, nowSeconds);
    if (provider.chatModel && models.length > 0 && !models.some((m) => m.id === provider.chatModel)) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: `Connected to ${provider.baseUrl}, but it does not list the model "${provider.chatModel}". Pick one of the ${chat.length} chat models it offers.`,
      };
    }
    return {
      ok: true,
      message: `Connected to ${provider.baseUrl}: the key works and ${chat.length} chat model${chat.length === 1 ? ' is' : 's are'} available.`,
    };
  } catch (error) {
    const { kind, detail } = classifyError(error, [provider.apiKey]);
    const info = ERROR_KINDS[kind];
    return { ok: false, errorKind: kind, message: `${info.title}: ${info.message}${detail ? ` (${detail})` : ''}` };
  }
}
