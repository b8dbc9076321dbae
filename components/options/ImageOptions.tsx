import type { ComponentProps } from 'preact';
import { useState } from 'preact/hooks';
import { formatDay, t } from '../../utils/i18n';
import { IMAGE_BACKENDS } from '../../utils/image-backends';
import { pickImageModel, usableImageModels } from '../../utils/image-models';
import { IMAGE_COUNT, IMAGE_FORMATS, IMAGE_QUALITIES, type ImageSettings } from '../../utils/image-settings';
import { send } from '../../utils/messaging';
import type { ModelInfo } from '../../utils/models';
import type { ProviderDraft } from '../../utils/protocol';
import type { Settings } from '../../utils/settings';
import { ImageBackendFieldset } from './ImageBackendFieldset';
import { sharesChat } from './useImageBackendForm';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  draft: () => ProviderDraft;
  /** The image backend's own key and address (components/options/useImageBackendForm.ts). */
  backend: Omit<ComponentProps<typeof ImageBackendFieldset>, 'settings' | 'set' | 'onModels'>;
}

/** Settings › Image generation: the image model from the endpoint's list, quality, format, count. */
export function ImageOptions({ settings, update, draft, backend }: Props) {
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [note, setNote] = useState('');
  const images = settings.images;
  const set = (patch: Partial<ImageSettings>) => update({ images: { ...images, ...patch } });
  const nowSeconds = Date.now() / 1000;

  const load = async () => {
    if (!sharesChat(settings)) {
      setNote(t('images_use_test'));
      return;
    }
    try {
      const list = usableImageModels((await send('listModels', draft())).models, nowSeconds);
      setModels(list);
      const best = pickImageModel(list, nowSeconds);
      setNote(best ? t('images_automatic_uses', best, list.length) : t('images_none_listed'));
    } catch {
      setNote(t('images_list_failed'));
    }
  };

  const chosen = models?.find((m) => m.id === images.model);
  return (
    <fieldset id="section-images">
      <legend>{t('section_images')}</legend>
      <ImageBackendFieldset settings={settings} set={set} onModels={(ids) => setModels(ids.map((id) => ({ id })))} {...backend} />
      <label for="image-model">{t('images_model')}</label>
      <div class="row">
        <input
          id="image-model"
          list="image-models"
          value={images.model}
          onInput={(e) => set({ model: e.currentTarget.value })}
          placeholder={IMAGE_BACKENDS[images.backend].local ? t('images_model_placeholder_local') : t('images_model_placeholder')}
        />
        <button type="button" onClick={load}>
          {t('images_load')}
        </button>
      </div>
      <datalist id="image-models">
        {(models ?? []).map((m) => (
          <option key={m.id} value={m.id} label={m.shutdownDate ? t('images_shuts_down', formatDay(m.shutdownDate)) : undefined} />
        ))}
      </datalist>
      <p class="hint" data-testid="image-model-note">
        {note}
        {chosen?.shutdownDate ? ` ${t('images_model_shutdown', chosen.id, formatDay(chosen.shutdownDate))}` : ''}
      </p>

      {images.backend === 'openai-images' && (
        <>
          <label for="image-quality">{t('images_quality')}</label>
          <select
            id="image-quality"
            value={images.quality}
            onChange={(e) => set({ quality: e.currentTarget.value as ImageSettings['quality'] })}
          >
            {IMAGE_QUALITIES.map((q) => (
              <option key={q} value={q}>
                {t(`images_quality_${q}`)}
              </option>
            ))}
          </select>
          <label for="image-format">{t('images_format')}</label>
          <select
            id="image-format"
            value={images.format}
            onChange={(e) => set({ format: e.currentTarget.value as ImageSettings['format'] })}
          >
            {IMAGE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="image-count">{t('images_count')}</label>
      <input
        id="image-count"
        type="number"
        min={IMAGE_COUNT.min}
        max={IMAGE_COUNT.max}
        value={images.count}
        onInput={(e) => set({ count: e.currentTarget.valueAsNumber })}
      />
      <p class="hint">{t('images_hint')}</p>
    </fieldset>
  );
}
