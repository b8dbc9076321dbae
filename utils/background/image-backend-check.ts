// Browser glue: Settings › Image generation › Test — reaches the backend as the form shows it, with
// the one key that may go there, and says in words whether it answers and what it offers.
import { browser } from 'wxt/browser';
import { resolveWorkflow } from '../comfy-workflow';
import { errorRow, PromptbrushError, unknownError } from '../errors';
import { IMAGE_BACKENDS } from '../image-backends';
import { normalizeBackendUrl } from '../image-settings';
import { credentialFor, imageCredentialFor } from '../key-policy';
import { hasHostAccess } from '../permission-requests';
import type { ConnectionReport, ImageBackendDraft } from '../protocol';
import { refineError } from './endpoint-errors';
import { IMAGE_ADAPTERS } from './image-backends';
import { imageKey, readSavedKey } from './key-store';
import { reportError } from './provider-check';
import { loadMigratedSettings } from './settings-item';

const TEST_TIMEOUT_MS = 15_000;

async function apiKeyFor(draft: ImageBackendDraft, baseUrl: string): Promise<string> {
  const settings = await loadMigratedSettings();
  const credential =
    draft.keyFrom === 'chat'
      ? credentialFor({
          saved: await readSavedKey(),
          typed: draft.apiKey,
          provider: settings.provider,
          endpoint: baseUrl,
          configuredEndpoint: settings.baseUrl,
        })
      : imageCredentialFor({ saved: await imageKey.read(), typed: draft.apiKey, backend: draft.backend, endpoint: baseUrl });
  if ('error' in credential) throw PromptbrushError.of(credential.error);
  return credential.apiKey;
}

export async function testImageBackend(draft: ImageBackendDraft): Promise<ConnectionReport & { models: string[] }> {
  const row = IMAGE_BACKENDS[draft.backend];
  const baseUrl = normalizeBackendUrl(draft.backend, draft.baseUrl || row.defaultBaseUrl);
  if (!baseUrl) return { ...reportError({ kind: 'offline', detail: `"${draft.baseUrl}" is not an http(s) address.` }), models: [] };
  const hostAccess = await hasHostAccess(baseUrl);
  try {
    if (draft.backend === 'comfyui') {
      const workflow = resolveWorkflow(draft.workflow ?? '', draft.workflowMap ?? '');
      if ('problem' in workflow) throw new PromptbrushError('workflow-invalid', workflow.problem);
    }
    const started = Date.now();
    const models = await IMAGE_ADAPTERS[draft.backend].listModels({
      baseUrl,
      apiKey: await apiKeyFor(draft, baseUrl),
      timeoutMs: TEST_TIMEOUT_MS,
      fetch: (request, init) => fetch(request, init),
      origin: browser.runtime.getURL('/').replace(/\/$/, ''),
      hostAccess,
    });
    const chosen = draft.model?.trim();
    const what = row.local ? 'checkpoint' : 'image model';
    if (chosen && models.length > 0 && !models.includes(chosen)) {
      return {
        ...reportError({
          kind: row.local ? 'checkpoint-missing' : 'model-not-found',
          detail: `${baseUrl} answered, but does not list "${chosen}". It offers: ${models.slice(0, 8).join(', ')}${models.length > 8 ? ', …' : ''}`,
        }),
        models,
      };
    }
    const list = models.length ? `: ${models.slice(0, 5).join(', ')}${models.length > 5 ? ', …' : ''}` : '';
    return {
      ok: true,
      message: `${row.label} answered at ${baseUrl} in ${Date.now() - started} ms, with ${models.length} ${what}${models.length === 1 ? '' : 's'}${list}.`,
      models,
    };
  } catch (error) {
    const row = errorRow(error, unknownError);
    return { ...reportError(refineError(row, { provider: 'custom', baseUrl, hostAccess })), models: [] };
  }
}
