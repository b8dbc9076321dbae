import { useState } from 'preact/hooks';
import { keyPart, t } from '../../utils/i18n';
import { IMAGE_BACKEND_KINDS, IMAGE_BACKENDS, type ImageBackendKind, RANDOM_SEED } from '../../utils/image-backends';
import { IMAGE_CFG, IMAGE_STEPS, type ImageSettings } from '../../utils/image-settings';
import { send } from '../../utils/messaging';
import type { ConnectionReport } from '../../utils/protocol';
import type { Settings } from '../../utils/settings';
import { ConnectionTest } from './ConnectionTest';
import { type ImageBackendForm, imageBackendDraft, imageBackendUrl, sharesChat } from './useImageBackendForm';

const FIREFOX = import.meta.env.FIREFOX === true;

interface Props {
  settings: Settings;
  set: (patch: Partial<ImageSettings>) => void;
  form: ImageBackendForm;
  chatKeyDraft: string;
  /** Asks for host access to the backend (call inside the click). */
  askAccess: (url: string) => Promise<boolean>;
  /** A key was typed (saved on leaving the field), or pasted (saved at once). */
  onKeyChanged: () => void;
  onKeyCommit: () => void;
  /** The models or checkpoints the backend listed on Test. */
  onModels: (models: string[]) => void;
}

/** Settings › Image generation: which backend draws, where it is, its key, Test, and what a local server is sent. */
export function ImageBackendFieldset({ settings, set, form, chatKeyDraft, askAccess, onKeyChanged, onKeyCommit, onModels }: Props) {
  const images = settings.images;
  const row = IMAGE_BACKENDS[images.backend];
  const shared = sharesChat(settings);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState(false);

  const test = () => {
    const url = imageBackendUrl(settings);
    // Asked now, inside the click: browsers show the permission prompt only during a user gesture.
    const access = url ? askAccess(url) : Promise.resolve(true);
    setBusy(true);
    void access
      .then(() => send('testImageBackend', imageBackendDraft(settings, chatKeyDraft, form)))
      .then(
        (answer) => {
          setReport(answer);
          onModels(answer.models);
        },
        () => setReport({ ok: false, message: t('test_no_answer') }),
      )
      .finally(() => setBusy(false));
  };

  const pick = (backend: ImageBackendKind) => {
    setReport(null);
    // A new backend starts from its own address and lets the server choose its model.
    set({ backend, baseUrl: '', model: '', sameAsChat: !IMAGE_BACKENDS[backend].local && backend === 'openai-images' });
  };
  const number = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

  return (
    <div class="image-backend">
      <label for="image-backend">{t('image_backend_field')}</label>
      <select id="image-backend" value={images.backend} onChange={(e) => pick(e.currentTarget.value as ImageBackendKind)}>
        {IMAGE_BACKEND_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`image_backend_${keyPart(kind)}_label`)}
          </option>
        ))}
      </select>
      <p class="hint">
        {t(`image_backend_${keyPart(images.backend)}_setup`)}
        {row.local && <code class="help">{row.setup.replace(/^[^:]*: /, '')}</code>}
      </p>
      {!row.local && (
        <label class="check">
          <input
            id="image-same-as-chat"
            type="checkbox"
            checked={images.sameAsChat}
            onChange={(e) => set({ sameAsChat: e.currentTarget.checked })}
          />{' '}
          {t('image_backend_same_as_chat')}
        </label>
      )}
      {!shared && (
        <>
          <label for="image-base-url">{t('image_backend_address')}</label>
          <input
            id="image-base-url"
            value={images.baseUrl}
            placeholder={row.defaultBaseUrl || 'https://…/v1'}
            onInput={(e) => set({ baseUrl: e.currentTarget.value })}
            // Leaving the field by a click or a key asks for access to the backend's host (not in
            // Firefox, which asks only from a click: Test image backend).
            onChange={() => {
              const url = imageBackendUrl(settings);
              if (url && navigator.userActivation?.isActive !== false && !FIREFOX) void askAccess(url);
            }}
          />
        </>
      )}
      {!shared && row.needsKey && (
        <>
          <label for="image-api-key">{t('image_backend_key')}</label>
          <input
            id="image-api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={form.keyDraft}
            aria-describedby="image-key-status"
            onInput={(e) => {
              form.setKeyDraft(e.currentTarget.value);
              // A pasted key is whole: saved now. A typed one waits until the field is left.
              if ((e as unknown as InputEvent).inputType === 'insertFromPaste') onKeyCommit();
              else onKeyChanged();
            }}
            placeholder={form.keyStatus?.hasKey ? t('key_placeholder_replace') : 'sk-…'}
          />
          <p class="hint" id="image-key-status" data-testid="image-key-status">
            {form.keyStatus?.hasKey
              ? `${t('image_key_saved_for', form.keyStatus.endpoint ?? t('image_key_this_backend'))} `
              : `${t('image_key_none')} `}
            {form.keyStatus?.hasKey && (
              <button type="button" class="link" onClick={() => void form.clearKey()}>
                {t('key_remove')}
              </button>
            )}
          </p>
        </>
      )}
      <ConnectionTest report={report} busy={busy} onTest={test} label={t('image_backend_test')} />
      {row.accepts.steps && (
        <div class="row">
          <label>
            {t('image_steps')}{' '}
            <input
              id="image-steps"
              type="number"
              min={IMAGE_STEPS.min}
              max={IMAGE_STEPS.max}
              value={images.steps}
              onInput={(e) => set({ steps: number(e.currentTarget.valueAsNumber, images.steps) })}
            />
          </label>
          <label>
            {t('image_cfg')}{' '}
            <input
              id="image-cfg"
              type="number"
              step={0.5}
              min={IMAGE_CFG.min}
              max={IMAGE_CFG.max}
              value={images.cfg}
              onInput={(e) => set({ cfg: number(e.currentTarget.valueAsNumber, images.cfg) })}
            />
          </label>
          <label>
            {t('image_sampler')}{' '}
            <input
              id="image-sampler"
              value={images.sampler}
              placeholder={t('image_sampler_placeholder')}
              onInput={(e) => set({ sampler: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('image_seed')}{' '}
            <input
              id="image-seed"
              type="number"
              min={RANDOM_SEED}
              value={images.seed}
              title={t('image_seed_title')}
              onInput={(e) => set({ seed: number(e.currentTarget.valueAsNumber, RANDOM_SEED) })}
            />
          </label>
        </div>
      )}
      {!row.accepts.negativePrompt && (
        <label class="check">
          <input
            id="image-negative-words"
            type="checkbox"
            checked={images.negativeAsWords}
            onChange={(e) => set({ negativeAsWords: e.currentTarget.checked })}
          />{' '}
          {t('image_negative_as_words')}
        </label>
      )}
      {images.backend === 'comfyui' && (
        <>
          <label for="image-workflow">{t('image_workflow')}</label>
          <textarea
            id="image-workflow"
            rows={4}
            spellcheck={false}
            value={images.workflow}
            placeholder={t('image_workflow_placeholder')}
            onInput={(e) => set({ workflow: e.currentTarget.value })}
          />
          <label for="image-workflow-map">{t('image_workflow_map')}</label>
          <textarea
            id="image-workflow-map"
            rows={2}
            spellcheck={false}
            value={images.workflowMap}
            placeholder={'positive = 6.text\nnegative = 7.text'}
            onInput={(e) => set({ workflowMap: e.currentTarget.value })}
          />
        </>
      )}
    </div>
  );
}
