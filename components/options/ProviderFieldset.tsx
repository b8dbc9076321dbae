import { useEffect, useState } from 'preact/hooks';
import { isOffered } from '../../utils/builtin-model';
import { errorRow } from '../../utils/errors';
import { hostLabel } from '../../utils/host-patterns';
import { send } from '../../utils/messaging';
import type { ConnectionReport } from '../../utils/protocol';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../utils/providers';
import { DEFAULT_SETTINGS, normalizeBaseUrl, type Settings } from '../../utils/settings';
import { ApiKeyField } from './ApiKeyField';
import { BuiltinModelPanel } from './BuiltinModelPanel';
import { ConnectionTest } from './ConnectionTest';
import { HostAccessNote } from './HostAccessNote';
import { InsecureEndpointNote } from './InsecureEndpointNote';
import { type ModelListState, ModelPicker } from './ModelPicker';
import { useBuiltinModel } from './useBuiltinModel';
import { type ProviderForm, providerDraft } from './useProviderForm';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  form: ProviderForm;
  onStatus: (text: string) => void;
}

/** The provider: preset, endpoint, key, chat model from the live list, and Test connection. */
export function ProviderFieldset({ settings, update, form, onStatus }: Props) {
  const preset = PROVIDERS[settings.provider];
  const normalized = normalizeBaseUrl(settings.baseUrl);
  const builtin = useBuiltinModel();
  const [list, setList] = useState<ModelListState>({ state: 'idle', models: [], listed: true, host: '' });
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [testing, setTesting] = useState(false);

  const draft = () => providerDraft(settings, form.keyDraft);

  const loadModels = async (access: Promise<boolean> = Promise.resolve(true)) => {
    if (!preset.http || !normalized) return;
    const host = hostLabel(normalized);
    setList((current) => ({ ...current, state: 'loading', host }));
    await access;
    try {
      const { models, listed } = await send('listModels', draft());
      setList({ state: 'loaded', models, listed, host });
    } catch (error) {
      const reason = errorRow(error, () => ({ kind: 'unknown' }));
      setList({ state: 'failed', models: [], listed: true, host, error: reason });
    }
  };

  // The models of the saved (or newly picked) provider, once the key status is known.
  useEffect(() => {
    if (form.keyStatus) void loadModels();
  }, [settings.provider, form.keyStatus]);

  // Clicks: host access is asked for first, synchronously, while the gesture lasts.
  const refresh = () => void loadModels(form.askAccess(normalized));
  const test = () => {
    const access = preset.http ? form.askAccess(normalized) : Promise.resolve(true);
    setTesting(true);
    setReport(null);
    void access
      .then(() => send('testConnection', draft()))
      .then(setReport, () => setReport({ ok: false, message: 'The test could not run: the extension did not answer. Reload the page.' }))
      .finally(() => setTesting(false));
  };

  const choose = (id: ProviderId) => {
    update({
      provider: id,
      baseUrl: PROVIDERS[id].baseUrl || settings.baseUrl,
      chatModel: id === settings.provider ? settings.chatModel : '',
    });
    setReport(null);
  };

  const switchModel = async (id: string) => {
    update({ chatModel: id });
    try {
      await send('updateSettings', { patch: { chatModel: id } });
      onStatus(`Switched to ${id} and saved.`);
    } catch {
      onStatus(`Switched to ${id}; press Save to keep it.`);
    }
  };

  const offered = PROVIDER_IDS.filter((id) => id !== 'chrome-builtin' || isOffered(builtin.state) || settings.provider === id);

  return (
    <fieldset class="provider">
      <legend>Provider</legend>
      <label for="provider">Provider</label>
      <select id="provider" value={settings.provider} onChange={(e) => choose(e.currentTarget.value as ProviderId)}>
        {offered.map((id) => (
          <option key={id} value={id}>
            {PROVIDERS[id].label}
          </option>
        ))}
      </select>
      <p class="hint" data-testid="provider-hint">
        {preset.hint}
      </p>

      {preset.http ? (
        <>
          <label for="base-url">Base URL</label>
          <input
            id="base-url"
            type="text"
            inputMode="url"
            spellcheck={false}
            value={settings.baseUrl}
            onInput={(e) => update({ baseUrl: e.currentTarget.value })}
            placeholder={DEFAULT_SETTINGS.baseUrl}
            required
          />
          <p class="hint" data-testid="final-url">
            {normalized ? `Requests go to ${normalized}/chat/completions` : 'Not a valid http(s) address.'}
          </p>
          <InsecureEndpointNote baseUrl={normalized} form={form} />
          <HostAccessNote baseUrl={normalized} form={form} />
          <ApiKeyField form={form} preset={preset} baseUrl={normalized} onStatus={onStatus} />
          <ModelPicker
            value={settings.chatModel}
            list={list}
            onChange={(chatModel) => update({ chatModel })}
            onRefresh={refresh}
            onSwitch={(id) => void switchModel(id)}
          />
        </>
      ) : (
        <BuiltinModelPanel api={builtin.api} state={builtin.state} onChanged={builtin.refresh} />
      )}

      <ConnectionTest report={report} busy={testing} onTest={test} />
    </fieldset>
  );
}
