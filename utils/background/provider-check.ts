// "Test connection" and the live model list, for the options page. No browser APIs: the
// background passes what it knows (key, host access, the built-in model's API).
import { BUILTIN_STATES, builtinState, classifyBuiltinError, type LanguageModelApi } from '../builtin-model';
import { ERROR_KINDS } from '../error-kinds';
import { errorRow, type JobError, PromptbrushError } from '../errors';
import { NO_KEY } from '../key-policy';
import { isRetired, type ModelInfo, pickChatModel, usableChatModels } from '../models';
import type { ConnectionReport } from '../protocol';
import { type ProviderId, providerForBaseUrl } from '../providers';
import { normalizeBaseUrl } from '../settings';
import { streamWithBuiltin } from './builtin-writer';
import { classifyError } from './classify-error';
import { refineError } from './endpoint-errors';
import { createClient, listModels } from './model-client';

export interface ResolvedProvider {
  baseUrl: string;
  apiKey: string;
  chatModel?: string;
  provider?: ProviderId;
  /** Whether the browser granted access to the endpoint's host (undefined: not known). */
  hostAccess?: boolean;
}

export interface ModelList {
  models: ModelInfo[];
  /** False when the endpoint has no model list (404 on /models): the person types the id. */
  listed: boolean;
}

const TEST_TIMEOUT_MS = 20_000;

export function resolveBaseUrl(input: string): string {
  const baseUrl = normalizeBaseUrl(input);
  if (!baseUrl) throw new PromptbrushError('offline', `"${input}" is not an http(s) address.`);
  return baseUrl;
}

const clientFor = (provider: ResolvedProvider) =>
  createClient({ baseUrl: provider.baseUrl, apiKey: provider.apiKey, timeoutMs: TEST_TIMEOUT_MS, maxRetries: 0 });

function describe(error: unknown, provider: ResolvedProvider): JobError {
  const classified = errorRow(error, (other) => classifyError(other, [provider.apiKey]));
  return refineError(classified, {
    provider: provider.provider ?? providerForBaseUrl(provider.baseUrl),
    baseUrl: provider.baseUrl,
    hostAccess: provider.hostAccess,
  });
}

/** The error as a report: the table's words, the provider's own words, and what to do. */
export function reportError(error: JobError): ConnectionReport {
  const info = ERROR_KINDS[error.kind];
  return {
    ok: false,
    errorKind: error.kind,
    message: `${info.title}: ${info.message}${error.detail ? ` (${error.detail})` : ''}`,
    ...('help' in info && info.help ? { help: info.help } : {}),
  };
}

/** The endpoint's models; throws a PromptbrushError (with the endpoint's meaning) on failure. */
export async function fetchModels(provider: ResolvedProvider): Promise<ModelList> {
  try {
    return { models: await listModels(clientFor(provider)), listed: true };
  } catch (error) {
    const described = describe(error, provider);
    if (described.kind === 'model-not-found') return { models: [], listed: false };
    throw PromptbrushError.of(described);
  }
}

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * A minimal real call: list the models, check the chosen one is offered and not retired, then
 * ask it for one word (non-streaming). Reports in words what worked, or what failed and why.
 */
export async function testConnection(provider: ResolvedProvider, nowSeconds: number): Promise<ConnectionReport> {
  if (!provider.apiKey) return reportError({ kind: 'missing-key' });
  const started = Date.now();
  try {
    const { models, listed } = await fetchModels(provider);
    const chat = usableChatModels(models, nowSeconds);
    const chosen = provider.chatModel?.trim() || pickChatModel(models, nowSeconds);
    const listing = listed
      ? `${chat.length} chat model${chat.length === 1 ? ' is' : 's are'} available`
      : 'the endpoint does not list its models';
    if (!chosen) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: `Connected to ${provider.baseUrl}, but ${listing}: type the id of the model to use.`,
      };
    }
    const entry = models.find((m) => m.id === chosen);
    if (listed && models.length > 0 && !entry) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: `Connected to ${provider.baseUrl}, but it does not offer the model "${chosen}". Pick one of the ${chat.length} chat models it lists.`,
      };
    }
    if (entry && isRetired(entry, nowSeconds)) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: `Connected to ${provider.baseUrl}, but the model "${chosen}" was retired on ${day(entry.shutdownDate!)}. Pick another one.`,
      };
    }
    const asked = Date.now();
    await clientFor(provider).chat.completions.create({ model: chosen, messages: [{ role: 'user', content: 'Reply with the word OK.' }] });
    const key = provider.apiKey === NO_KEY ? 'no key is needed' : 'the key works';
    const retiring = entry?.shutdownDate ? ` Note: "${chosen}" is scheduled to retire on ${day(entry.shutdownDate)}.` : '';
    return {
      ok: true,
      model: chosen,
      message: `Connected to ${provider.baseUrl} in ${asked - started} ms: ${key}, ${listing}, and "${chosen}" answered in ${Date.now() - asked} ms.${retiring}`,
    };
  } catch (error) {
    return reportError(describe(error, provider));
  }
}

/** "Test connection" for Chrome's built-in model: is it there, and does it answer? */
export async function testBuiltin(api: LanguageModelApi | undefined): Promise<ConnectionReport> {
  const state = await builtinState(api);
  if (state !== 'available') return { ...reportError({ kind: 'builtin-unavailable' }), message: BUILTIN_STATES[state].text };
  const started = Date.now();
  try {
    await streamWithBuiltin(
      api,
      { model: 'builtin', messages: [{ role: 'user', content: 'Reply with the word OK.' }] },
      { onDelta: () => undefined },
    );
    return {
      ok: true,
      message: `Chrome's built-in model answered on this device in ${Date.now() - started} ms. No key is needed and nothing leaves this computer.`,
    };
  } catch (error) {
    return reportError(errorRow(error, classifyBuiltinError));
  }
}
