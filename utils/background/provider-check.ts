// "Test connection" and the live model list, for the options page. No browser APIs but the
// words (browser.i18n, utils/i18n.ts): the background passes what it knows (key, host access,
// the built-in model's API).
import { builtinState, classifyBuiltinError, type LanguageModelApi } from '../builtin-model';
import { ERROR_KINDS } from '../error-kinds';
import { errorLine } from '../error-words';
import { errorRow, type JobError, PromptbrushError } from '../errors';
import { formatDay, t, tn } from '../i18n';
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
    message: errorLine(error),
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
    const listing = listed ? tn('test_models_available', chat.length) : t('test_models_unlisted');
    if (!chosen) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: t('test_no_model', provider.baseUrl, listing),
      };
    }
    const entry = models.find((m) => m.id === chosen);
    if (listed && models.length > 0 && !entry) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: t('test_model_not_offered', provider.baseUrl, chosen, chat.length),
      };
    }
    if (entry && isRetired(entry, nowSeconds)) {
      return {
        ok: false,
        errorKind: 'model-not-found',
        message: t('test_model_retired', provider.baseUrl, chosen, formatDay(entry.shutdownDate!)),
      };
    }
    const asked = Date.now();
    await clientFor(provider).chat.completions.create({ model: chosen, messages: [{ role: 'user', content: 'Reply with the word OK.' }] });
    const key = provider.apiKey === NO_KEY ? t('test_no_key_needed') : t('test_key_works');
    const retiring = entry?.shutdownDate ? ` ${t('test_model_retiring', chosen, formatDay(entry.shutdownDate))}` : '';
    return {
      ok: true,
      model: chosen,
      message: `${t('test_connected', provider.baseUrl, asked - started, key, listing, chosen, Date.now() - asked)}${retiring}`,
    };
  } catch (error) {
    return reportError(describe(error, provider));
  }
}

/** "Test connection" for Chrome's built-in model: is it there, and does it answer? */
export async function testBuiltin(api: LanguageModelApi | undefined): Promise<ConnectionReport> {
  const state = await builtinState(api);
  if (state !== 'available') return { ...reportError({ kind: 'builtin-unavailable' }), message: t(`builtin_${state}`) };
  const started = Date.now();
  try {
    await streamWithBuiltin(
      api,
      { model: 'builtin', messages: [{ role: 'user', content: 'Reply with the word OK.' }] },
      { onDelta: () => undefined },
    );
    return {
      ok: true,
      message: t('test_builtin_ok', Date.now() - started),
    };
  } catch (error) {
    return reportError(errorRow(error, classifyBuiltinError));
  }
}
