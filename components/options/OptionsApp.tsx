import { useEffect, useState } from 'preact/hooks';
import { unusedSitePatterns } from '../../utils/generator-edits';
import { hostLabel, hostPatternFor, isInsecureRemote } from '../../utils/host-patterns';
import { send } from '../../utils/messaging';
import { PROVIDERS } from '../../utils/providers';
import { normalizeBaseUrl, type Settings, validateSettings } from '../../utils/settings';
import { settingsPatch } from '../../utils/settings-patch';
import { loadSettings } from '../../utils/settings-store';
import { releaseSiteAccess } from '../../utils/site-access';
import { CaptureOptions } from './CaptureOptions';
import { CraftOptions } from './CraftOptions';
import { GeneratorsOptions } from './GeneratorsOptions';
import { HistoryOptions } from './HistoryOptions';
import { ImageOptions } from './ImageOptions';
import { ImageSourceOptions } from './ImageSourceOptions';
import { LimitsOptions } from './LimitsOptions';
import { ProviderFieldset } from './ProviderFieldset';
import { useFocusFromHash } from './useFocusFromHash';
import { providerDraft, useProviderForm } from './useProviderForm';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  // What the form last loaded or saved: Save sends only the fields that differ from it.
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const provider = useProviderForm();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const show = (stored: Settings) => {
    setLoaded(stored);
    setSettings(stored);
  };
  useEffect(() => {
    loadSettings().then(show);
  }, []);
  useFocusFromHash(settings !== null);

  if (!settings || !loaded) return <main class="options">Loading…</main>;

  const update = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const normalized = normalizeBaseUrl(settings.baseUrl);
  const http = PROVIDERS[settings.provider].http;

  const commit = async (access: Promise<boolean>) => {
    setBusy(true);
    try {
      const edited = validateSettings({ ...settings, baseUrl: normalized ?? settings.baseUrl });
      const saved = await send('updateSettings', { patch: settingsPatch(loaded, edited) });
      show(saved);
      // Sites no longer filled give their permission back (never the provider endpoint's).
      const endpoint = hostPatternFor(saved.baseUrl);
      void releaseSiteAccess(unusedSitePatterns(loaded.generators, saved.generators, endpoint ? [endpoint] : []));
      // After the settings: a typed key is bound to the endpoint just saved.
      await provider.commitKey();
      const answered = await Promise.race([access.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 200, false))]);
      if (!answered) {
        setStatus({
          tone: 'info',
          text: `Settings saved. Answer your browser's question to let Promptbrush connect to ${hostLabel(normalized ?? '')}.`,
        });
      }
      const granted = await access;
      setStatus(
        granted
          ? { tone: 'ok', text: 'Settings saved.' }
          : {
              tone: 'error',
              text: `Settings saved, but you refused access to ${hostLabel(normalized ?? '')}: requests there fail unless the server accepts browser requests.`,
            },
      );
    } catch {
      setStatus({ tone: 'error', text: 'Could not save the settings.' });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    if (http && !normalized) {
      setStatus({ tone: 'error', text: 'The base URL must be an http(s) address.' });
      return;
    }
    if (http && isInsecureRemote(normalized) && normalized !== loaded.baseUrl && provider.insecureConfirmed !== normalized) {
      setStatus({ tone: 'error', text: 'This address is plain http: confirm above that the key may travel unencrypted, or use https://.' });
      return;
    }
    // Asked now, inside the click and before any await: browsers show the permission prompt
    // only during a user gesture.
    const access = http ? provider.askAccess(normalized) : Promise.resolve(true);
    void commit(access);
  };

  return (
    <main class="options">
      <h1>Promptbrush settings</h1>
      <form onSubmit={save}>
        <ProviderFieldset settings={settings} update={update} form={provider} onStatus={(text) => setStatus({ tone: 'info', text })} />

        <CraftOptions settings={settings} update={update} />
        <ImageOptions settings={settings} update={update} draft={() => providerDraft(settings, provider.keyDraft)} />
        <GeneratorsOptions generators={settings.generators} onChange={(generators) => update({ generators })} />
        <CaptureOptions value={settings.context} onChange={(context) => update({ context })} />
        <ImageSourceOptions value={settings.imageSource} onChange={(imageSource) => update({ imageSource })} />
        <HistoryOptions settings={settings} onChange={update} />
        <LimitsOptions settings={settings} update={update} />

        {/* Always in view: the form is long, and nothing is saved until Save. */}
        <div class="save-bar">
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <p class={`status status-${status?.tone ?? 'info'}`} role="status" data-testid="save-status">
            {status?.text}
          </p>
        </div>
      </form>
    </main>
  );
}
