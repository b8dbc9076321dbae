// Browser glue: the background's answer to every message in the protocol.
import { apiKeyItem, readApiKey } from './api-key-store';
import { sharedHistory } from './history-db';
import { cancelImageRun, startImageRun } from './image-runner';
import type { JobError } from './job';
import { chooseVariation, editNegativePrompt, editPrompt, isRunning, markInterrupted } from './job';
import { cancelJob, isActive, regenerateJob, retryJob, reuseJob, startFromTab, startFromText } from './job-runner';
import { mutateJobById } from './job-store';
import type { Handlers } from './messaging';
import type { ProviderDraft } from './protocol';
import { fetchModels, resolveBaseUrl, testConnection } from './provider-check';

async function resolveDraft(draft: ProviderDraft) {
  const apiKey = draft.apiKey?.trim() || (await readApiKey());
  if (!apiKey) throw { kind: 'missing-key' } satisfies JobError;
  return { baseUrl: resolveBaseUrl(draft.baseUrl), apiKey, chatModel: draft.chatModel?.trim() || undefined };
}

export const handlers: Handlers = {
  expandText: async ({ text, choice }) => ({ jobId: await startFromText(text, choice) }),
  captureTab: async ({ tabId, choice }) => ({
    jobId: await startFromTab({ tabId, trigger: 'popup-selection', ...(choice ? { choice } : {}) }),
  }),
  cancelJob: async ({ jobId }) => ({ cancelled: await cancelJob(jobId) }),
  retryJob: async ({ jobId }) => ({ jobId: await retryJob(jobId) }),
  editPrompt: async ({ jobId, prompt }) => {
    const job = await mutateJobById(jobId, (current) => editPrompt(current, prompt, Date.now()));
    return { saved: job?.id === jobId && job.prompt === prompt };
  },
  saveApiKey: async ({ apiKey }) => {
    const key = apiKey.trim();
    if (!key) throw { kind: 'missing-key' } satisfies JobError;
    await apiKeyItem.setValue(key);
    return { hasKey: true };
  },
  clearApiKey: async () => {
    await apiKeyItem.removeValue();
    return { hasKey: false };
  },
  getKeyStatus: async () => ({ hasKey: (await readApiKey()) !== '' }),
  testConnection: async (draft) => {
    try {
      return await testConnection(await resolveDraft(draft), Date.now() / 1000);
    } catch (error) {
      const kind = (error as JobError).kind ?? 'unknown';
      return { ok: false, errorKind: kind, message: (error as JobError).detail ?? 'Add an API key first.' };
    }
  },
  listModels: async (draft) => ({ models: await fetchModels(await resolveDraft(draft)) }),
  generateImage: async (request) => ({ runId: await startImageRun(request) }),
  cancelImage: async ({ runId }) => ({ cancelled: await cancelImageRun(runId) }),
  reuseJob: async ({ jobId }) => {
    const record = await (await sharedHistory()).getPrompt(jobId);
    if (!record) throw { kind: 'unknown', detail: 'This entry is no longer in history.' } satisfies JobError;
    return { jobId: await reuseJob(record.job) };
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
};
