import { useEffect, useState } from 'preact/hooks';
import { errorRow } from '../../utils/errors';
import { hostLabel } from '../../utils/host-patterns';
import { t } from '../../utils/i18n';
import { send } from '../../utils/messaging';
import type { ConnectionReport } from '../../utils/protocol';
import { PROVIDERS } from '../../utils/providers';
import { DEFAULT_SETTINGS, normalizeBaseUrl } from '../../utils/settings';
import { ApiKeyField } from './ApiKeyField';
import { BuiltinModelPanel } from './BuiltinModelPanel';
import { ConnectionTest } from './ConnectionTest';
import { HostAccessNote } from './HostAccessNote';
import { InsecureEndpointNote } from './InsecureEndpointNote';
import { type ModelListState, ModelPicker } from './ModelPicker';
import type { useBuiltinModel } from './useBuiltinModel';
import { type ProviderForm, providerDraft } from './useProviderForm';
import type { SettingsForm } from './useSettingsForm';

const FIREFOX = import.meta.env.FIREFOX === true;

interface Props {
  form: SettingsForm;
  provider: ProviderForm;
  builtin: ReturnType<typeof useBuiltinModel>;
}

/** The chosen provider's endpoint, key, chat model from the live list, and Test connection. */
export function ProviderConnection({ form, provider, builtin }: Props) {
  const { settings, update } = form;
  const preset = PROVIDERS[settings.provider];
  const normalized = normalizeBaseUrl(settings.baseUrl);
  const [list, setList] = useState<ModelListState>({ state: 'idle', models: [], listed: true, host: '' });
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [testing, setTesting] = useState(false);

  const draft = () => providerDraft(settings, provider.keyDraft);

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
    if (provider.keyStatus) void loadModels();
  }, [settings.provider, provider.keyStatus]);

  // Clicks: host access is asked for first, synchronously, while the gesture lasts.
  const refresh = () => void loadModels(form.askAccess(normalized));
  const test = () => {
    const access = preset.http ? form.askAccess(normalized) : Promise.resolve(true);
    setTesting(true);
    setReport(null);
    void access
      .then(() => send('testConnection', draft()))
      .then(
        (answer) => setReport(answer),
        () => setReport({ ok: false, message: t('test_no_answer') }),
      )
      .finally(() => setTesting(false));
  };

  // A model that has gone: the replacement is picked and saved at once, like any change.
  const switchModel = (id: string) => {
    update({ chatModel: id });
    void form.flush();
  };

  if (!preset.http) {
    return (
      <>
        <BuiltinModelPanel api={builtin.api} state={builtin.state} onChanged={builtin.refresh} />
        <ConnectionTest report={report} busy={testing} onTest={test} />
      </>
    );
  }
  return (
    <>
      <label for="base-url">{t('base_url_field')}</label>
      <input
        id="base-url"
        type="text"
        inputMode="url"
        spellcheck={false}
        value={settings.baseUrl}
        onInput={(e) => update({ baseUrl: e.currentTarget.value })}
        // Leaving the field by a click or a key (a user gesture) asks for access to a new host; not
        // when the window merely lost focus (no gesture: the browser would refuse to ask), nor in
        // Firefox, which asks only from a click or key handler (Allow access, Test connection).
        onChange={(e) => {
          const url = normalizeBaseUrl(e.currentTarget.value);
          const gesture = navigator.userActivation?.isActive !== false;
          if (gesture && !FIREFOX && provider.accessFor(url) !== 'granted') void form.askAccess(url);
        }}
        placeholder={DEFAULT_SETTINGS.baseUrl}
        aria-describedby="final-url"
        required
      />
      <p class="hint" id="final-url" data-testid="final-url">
        {normalized ? t('base_url_final', `${normalized}/chat/completions`) : t('base_url_invalid')}
      </p>
      <InsecureEndpointNote baseUrl={normalized} form={provider} onConfirmed={() => void form.flush()} />
      <HostAccessNote baseUrl={normalized} form={provider} onAsk={form.askAccess} />
      <ApiKeyField
        form={provider}
        preset={preset}
        baseUrl={normalized}
        onChanged={form.keyChanged}
        onCommit={() => void form.flush()}
        onNote={form.setNote}
      />
      <ModelPicker
        value={settings.chatModel}
        list={list}
        onChange={(chatModel) => update({ chatModel })}
        onRefresh={refresh}
        onSwitch={switchModel}
      />
      <ConnectionTest report={report} busy={testing} onTest={test} />
    </>
  );
}
