// Browser glue: the background's answer to every message in the protocol.

import { languageModelIn } from '../builtin-model';
import { errorRow, PromptbrushError } from '../errors';
import { getPrompt, historyUsage } from '../history-store';
import { chooseVariation, editNegativePrompt, editPrompt, isRunning, markInterrupted } from '../job';
import { parseJob } from '../job-shape';
import { credentialFor } from '../key-policy';
import type { Handlers } from '../messaging';
import { hasHostAccess } from '../permission-requests';
import type { ProviderDraft } from '../protocol';
import { providerForBaseUrl } from '../providers';
import { fillGenerator } from './handoff-fill';
import { testImageBackend } from './image-backend-check';
import { cancelImageRun, startImageRun } from './image-runner';
import {
  cancelJob,
  clearJob,
  isActive,
  regenerateJob,
  retryJob,
  reuseJob,
  startFromImageData,
  startFromTab,
  startFromText,
} from './job-runner';
import { mutateJobById } from './job-store';
import { clearKey, imageKey, moveKey, readKeyStatus, readSavedKey, saveKey } from './key-store';
import { fetchModels, type ResolvedProvider, reportError, resolveBaseUrl, testBuiltin, testConnection } from './provider-check';
import { loadMigratedSettings } from './settings-item';
import { updateSettings } from './settings-writer';

/**
 * The form's provider, with the key that may go to it: the key typed next to it, the saved key
 * only if it was saved for this very endpoint, or none for servers that need none.
 */
async function resolveDraft(draft: ProviderDraft): Promise<ResolvedProvider> {
  const baseUrl = resolveBaseUrl(draft.baseUrl);
  const provider = draft.provider ?? providerForBaseUrl(baseUrl);
  const [saved, settings, hostAccess] = await Promise.all([readSavedKey(), loadMigratedSettings(), hasHostAccess(baseUrl)]);
  const credential = credentialFor({ saved, typed: draft.apiKey, provider, endpoint: baseUrl, configuredEndpoint: settings.baseUrl });
  if ('error' in credential) throw PromptbrushError.of(credential.error);
  return { baseUrl, provider, apiKey: credential.apiKey, chatModel: draft.chatModel?.trim() || undefined, hostAccess };
}

export const handlers: Handlers = {
  expandText: async ({ text, choice }) => ({ jobId: await startFromText(text, choice) }),
  expandImage: async ({ dataUrl, name, choice }) => ({ jobId: await startFromImageData(dataUrl, name, choice) }),
  captureTab: async ({ tabId, choice }) => ({
    jobId: await startFromTab({ tabId, trigger: 'popup-selection', ...(choice ? { choice } : {}) }),
  }),
  cancelJob: async ({ jobId }) => ({ cancelled: await cancelJob(jobId) }),
  retryJob: async ({ jobId }) => ({ jobId: await retryJob(jobId) }),
  editPrompt: async ({ jobId, prompt }) => {
    const job = await mutateJobById(jobId, (current) => editPrompt(current, prompt, Date.now()));
    return { saved: job?.id === jobId && job.prompt === prompt };
  },
  saveApiKey: async ({ apiKey, sessionOnly }) => {
    const key = apiKey.trim();
    if (!key) throw new PromptbrushError('missing-key');
    // The key is bound to the endpoint saved in Settings: the options page saves that first.
    await saveKey(key, (await loadMigratedSettings()).baseUrl, sessionOnly ?? false);
    return readKeyStatus();
  },
  setKeyStorage: async ({ sessionOnly }) => {
    await moveKey(sessionOnly);
    return readKeyStatus();
  },
  clearApiKey: async () => {
    await clearKey();
    return readKeyStatus();
  },
  getKeyStatus: () => readKeyStatus(),
  testConnection: async (draft) => {
    if (draft.provider === 'chrome-builtin') return testBuiltin(languageModelIn(globalThis));
    try {
      return await testConnection(await resolveDraft(draft), Date.now() / 1000);
    } catch (error) {
      return reportError(errorRow(error, () => ({ kind: 'unknown' })));
    }
  },
  listModels: async (draft) => fetchModels(await resolveDraft(draft)),
  generateImage: async (request) => ({ runId: await startImageRun(request) }),
  cancelImage: async ({ runId }) => ({ cancelled: await cancelImageRun(runId) }),
  testImageBackend: (draft) => testImageBackend(draft),
  imageKey: async ({ action, apiKey, sessionOnly }) => {
    if (action === 'save') {
      if (!apiKey?.trim()) throw new PromptbrushError('missing-key');
      await imageKey.save(apiKey.trim(), sessionOnly ?? false);
    } else if (action === 'clear') await imageKey.clear();
    else if (action === 'move') await imageKey.move(sessionOnly ?? false);
    return imageKey.status();
  },
  reuseJob: async ({ jobId }) => {
    const record = await getPrompt(jobId);
    if (!record) throw new PromptbrushError('unknown', 'This entry is no longer in history.');
    // Entries saved by older versions were not checked field by field: a broken one is refused here.
    const parsed = parseJob(record.job);
    if ('problem' in parsed) throw new PromptbrushError('damaged-job', `This history entry: ${parsed.problem}.`);
    return { jobId: await reuseJob(parsed.job) };
  },
  checkJob: async ({ jobId }) => {
    // Running in storage but not in this worker: the worker that ran it was stopped.
    await mutateJobById(jobId, (job) => (isRunning(job) && !isActive(jobId) ? markInterrupted(job, Date.now()) : job));
    return { running: isActive(jobId) };
  },
  regenerate: async ({ jobId, choice }) => ({ jobId: await regenerateJob(jobId, choice) }),
  chooseVariation: async ({ jobId, index }) => {
    const job = await mutateJobById(jobId, (current) => chooseVariation(current, index, Date.now()));
    return { chosen: job?.id === jobId && job.variations?.[index] === job.prompt };
  },
  editNegativePrompt: async ({ jobId, negativePrompt }) => {
    const job = await mutateJobById(jobId, (current) => editNegativePrompt(current, negativePrompt, Date.now()));
    return { saved: job?.id === jobId && job.negativePrompt === negativePrompt };
  },
  historyUsage: async () => {
    const { entries, bytes } = await historyUsage();
    return { entries, bytes };
  },
  updateSettings: ({ patch }) => updateSettings(patch),
  clearJob: async () => ({ cleared: await clearJob() }),
  fillGenerator: (request) => fillGenerator(request),
};
