import { t } from '../../utils/i18n';
import { CaptureOptions } from './CaptureOptions';
import { CraftOptions } from './CraftOptions';
import { GeneratorsOptions } from './GeneratorsOptions';
import { HistoryOptions } from './HistoryOptions';
import { ImageOptions } from './ImageOptions';
import { ImageSourceOptions } from './ImageSourceOptions';
import { LimitsOptions } from './LimitsOptions';
import { ProviderFieldset } from './ProviderFieldset';
import { SaveBar } from './SaveBar';
import { SectionIndex } from './SectionIndex';
import { useFocusFromHash } from './useFocusFromHash';
import type { ImageBackendForm } from './useImageBackendForm';
import { type ProviderForm, providerDraft } from './useProviderForm';
import type { SettingsForm } from './useSettingsForm';

interface Props {
  form: SettingsForm;
  provider: ProviderForm;
  image: ImageBackendForm;
}

/** Every setting, in sections with an index; each change saves itself (useSettingsForm.ts). */
export function OptionsPage({ form, provider, image }: Props) {
  const { settings, update } = form;
  useFocusFromHash(true);
  return (
    <div class="options-layout">
      <SectionIndex />
      {/* Leaving a field saves what it changed (and a typed key). */}
      <main class="options" onFocusOut={() => void form.flush()}>
        <header class="options-head">
          <h1>{t('options_heading')}</h1>
          <a href="#welcome" class="welcome-link">
            {t('options_open_welcome')}
          </a>
        </header>
        <ProviderFieldset form={form} provider={provider} />
        <CraftOptions settings={settings} update={update} />
        <ImageOptions
          settings={settings}
          update={update}
          draft={() => providerDraft(settings, provider.keyDraft)}
          backend={{
            form: image,
            chatKeyDraft: provider.keyDraft,
            askAccess: (url) => form.askAccess(null, url),
            onKeyChanged: form.keyChanged,
            onKeyCommit: () => void form.flush(),
          }}
        />
        <GeneratorsOptions generators={settings.generators} onChange={(generators) => update({ generators })} />
        <CaptureOptions value={settings.context} onChange={(context) => update({ context })} />
        <ImageSourceOptions value={settings.imageSource} onChange={(imageSource) => update({ imageSource })} />
        <HistoryOptions settings={settings} onChange={update} />
        <LimitsOptions settings={settings} update={update} />
        <SaveBar status={form.status} />
      </main>
    </div>
  );
}
