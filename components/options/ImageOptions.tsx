import type { ComponentProps } from 'preact';
import { useState } from 'preact/hooks';
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

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** Settings › Image generation: the image model from the endpoint's list, quality, format, count. */
export function ImageOptions({ settings, update, draft, backend }: Props) {
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [note, setNote] = useState('');
  const images = settings.images;
  const set = (patch: Partial<ImageSettings>) => update({ images: { ...images, ...patch } });
  const nowSeconds = Date.now() / 1000;

  const load = async () => {
    if (!sharesChat(settings)) {
      setNote('Use Test above: it lists the models or checkpoints this backend offers.');
      return;
    }
    try {
      const list = usableImageModels((await send('listModels', draft())).models, nowSeconds);
      setModels(list);
      const best = pickImageModel(list, nowSeconds);
      setNote(best ? `Automatic uses ${best}, the best of the ${list.length} image models listed.` : 'The endpoint lists no image model.');
    } catch {
      setNote('Could not load the model list: use Test connection to see why.');
    }
  };

  const chosen = models?.find((m) => m.id === images.model);
  return (
    <fieldset>
      <legend>Image generation</legend>
      <ImageBackendFieldset settings={settings} set={set} onModels={(ids) => setModels(ids.map((id) => ({ id })))} {...backend} />
      <label for="image-model">Image model</label>
      <div class="row">
        <input
          id="image-model"
          list="image-models"
          value={images.model}
          onInput={(e) => set({ model: e.currentTarget.value })}
          placeholder={
            IMAGE_BACKENDS[images.backend].local
              ? 'Automatic: the checkpoint the server has loaded'
              : 'Automatic: the best image model the endpoint lists'
          }
        />
        <button type="button" onClick={load}>
          Load image models
        </button>
      </div>
      <datalist id="image-models">
        {(models ?? []).map((m) => (
          <option key={m.id} value={m.id} label={m.shutdownDate ? `shuts down ${day(m.shutdownDate)}` : undefined} />
        ))}
      </datalist>
      <p class="hint" data-testid="image-model-note">
        {note}
        {chosen?.shutdownDate ? ` ${chosen.id} is scheduled to shut down on ${day(chosen.shutdownDate)}.` : ''}
      </p>

      {images.backend === 'openai-images' && (
        <>
          <label for="image-quality">Quality</label>
          <select
            id="image-quality"
            value={images.quality}
            onChange={(e) => set({ quality: e.currentTarget.value as ImageSettings['quality'] })}
          >
            {IMAGE_QUALITIES.map((q) => (
              <option key={q} value={q}>
                {q === 'auto' ? 'Automatic' : q[0]?.toUpperCase() + q.slice(1)}
              </option>
            ))}
          </select>
          <label for="image-format">File format</label>
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
      <label for="image-count">Images per click</label>
      <input
        id="image-count"
        type="number"
        min={IMAGE_COUNT.min}
        max={IMAGE_COUNT.max}
        value={images.count}
        onInput={(e) => set({ count: e.currentTarget.valueAsNumber })}
      />
      <p class="hint">
        Quality and format apply to GPT image models; other models use their own defaults. Partial previews stream for one image at a time.
      </p>
    </fieldset>
  );
}
