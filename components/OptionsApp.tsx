import { useEffect, useState } from 'preact/hooks';
import { send } from '../utils/messaging';
import { type ModelInfo, usableChatModels } from '../utils/models';
import type { ConnectionReport } from '../utils/protocol';
import { DEFAULT_SETTINGS, LIMITS, normalizeBaseUrl, type Settings } from '../utils/settings';
import { loadSettings, saveSettings } from '../utils/settings-store';
import { CaptureOptions } from './CaptureOptions';
import { CraftOptions } from './CraftOptions';
import { GeneratorsOptions } from './GeneratorsOptions';
import { HistoryOptions } from './HistoryOptions';
import { useKeyStatus } from './hooks';
import { ImageOptions } from './ImageOptions';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [hasKey, setHasKey] = useKeyStatus();
  const [keyDraft, setKeyDraft] = useState('');
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadSettings().then(setSettings);
  }, []);

  if (!settings) return <main class="options">Loading…</main>;

  const update = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const normalized = normalizeBaseUrl(settings.baseUrl);
  const draft = () => ({
    baseUrl: settings.baseUrl,
    chatModel: settings.chatModel,
    ...(keyDraft.trim() ? { apiKey: keyDraft.trim() } : {}),
  });

  const save = async (event: Event) => {
    event.preventDefault();
    if (!normalized) {
      setStatus({ tone: 'error', text: 'The base URL must be an http(s) address.' });
      return;
    }
    setBusy(true);
    try {
      setSettings(await saveSettings({ ...settings, baseUrl: normalized }));
      if (keyDraft.trim()) {
        setHasKey((await send('saveApiKey', { apiKey: keyDraft.trim() })).hasKey);
        setKeyDraft('');
      }
      setStatus({ tone: 'ok', text: 'Settings saved.' });
    } catch {
      setStatus({ tone: 'error', text: 'Could not save the settings.' });
    } finally {
      setBusy(false);
    }
  };

  const clearKey = async () => {
    setHasKey((await send('clearApiKey', {})).hasKey);
    setStatus({ tone: 'info', text: 'The API key was removed from this browser.' });
  };

  const test = async () => {
    setBusy(true);
    setReport(null);
    try {
      setReport(await send('testConnection', draft()));
    } catch {
      setReport({ ok: false, message: 'The test could not run.' });
    } finally {
      setBusy(false);
    }
  };

  const loadModels = async () => {
    setBusy(true);
    try {
      const list = (await send('listModels', draft())).models;
      setModels(usableChatModels(list, Date.now() / 1000));
      setStatus({ tone: 'info', text: `The endpoint lists ${list.length} models.` });
    } catch {
      setStatus({ tone: 'error', text: 'Could not load the model list: use Test connection to see why.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="options">
      <h1>Promptbrush settings</h1>
      <form onSubmit={save}>
        <fieldset>
          <legend>Provider</legend>
          <label for="base-url">Base URL (OpenAI or any OpenAI-compatible endpoint)</label>
          <input
            id="base-url"
            type="url"
            value={settings.baseUrl}
            onInput={(e) => update({ baseUrl: e.currentTarget.value })}
            placeholder={DEFAULT_SETTINGS.baseUrl}
            required
          />
          <p class="hint" data-testid="final-url">
            {normalized ? `Requests go to ${normalized}/chat/completions` : 'Not a valid http(s) address.'}
          </p>

          <label for="api-key">API key</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={keyDraft}
            onInput={(e) => setKeyDraft(e.currentTarget.value)}
            placeholder={hasKey ? 'A key is saved. Type a new one to replace it.' : 'sk-…'}
          />
          <p class="hint" data-testid="key-status">
            {hasKey
              ? 'A key is saved in this browser. It is never shown again and is sent only to the base URL above.'
              : 'No key saved yet.'}
            {hasKey && (
              <>
                {' '}
                <button type="button" class="link" onClick={clearKey}>
                  Remove key
                </button>
              </>
            )}
          </p>

          <label for="chat-model">Chat model</label>
          <div class="row">
            <input
              id="chat-model"
              list="chat-models"
              value={settings.chatModel}
              onInput={(e) => update({ chatModel: e.currentTarget.value })}
              placeholder="Automatic: a fast model from the endpoint's list"
            />
            <button type="button" onClick={loadModels} disabled={busy}>
              Load models
            </button>
          </div>
          <datalist id="chat-models">
            {models.map((m) => (
              <option key={m.id} value={m.id} />
            ))}
          </datalist>
        </fieldset>

        <ImageOptions settings={settings} update={update} draft={draft} />
        <GeneratorsOptions generators={settings.generators} onChange={(generators) => update({ generators })} />
        <CaptureOptions value={settings.context} onChange={(context) => update({ context })} />

        <fieldset>
          <legend>Limits</legend>
          <label for="max-chars">Longest selection sent (characters)</label>
          <input
            id="max-chars"
            type="number"
            min={LIMITS.maxSelectionChars.min}
            max={LIMITS.maxSelectionChars.max}
            value={settings.maxSelectionChars}
            onInput={(e) => update({ maxSelectionChars: e.currentTarget.valueAsNumber })}
          />
          <label for="timeout">Give up on the model after (seconds)</label>
          <input
            id="timeout"
            type="number"
            min={LIMITS.requestTimeoutSeconds.min}
            max={LIMITS.requestTimeoutSeconds.max}
            value={settings.requestTimeoutSeconds}
            onInput={(e) => update({ requestTimeoutSeconds: e.currentTarget.valueAsNumber })}
          />
        </fieldset>

        <HistoryOptions settings={settings} onChange={update} />
        <CraftOptions settings={settings} update={update} />

        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={test} disabled={busy}>
            Test connection
          </button>
        </div>
        <p class={`status status-${status?.tone ?? 'info'}`} role="status" data-testid="save-status">
          {status?.text}
        </p>
        {report && (
          <p class={`notice ${report.ok ? 'notice-ok' : 'notice-error'}`} role="status" data-testid="test-report">
            {report.message}
          </p>
        )}
      </form>
    </main>
  );
}
