import { useState } from 'preact/hooks';
import { IMAGE_BACKEND_KINDS, IMAGE_BACKENDS, type ImageBackendKind, RANDOM_SEED } from '../../utils/image-backends';
import { IMAGE_CFG, IMAGE_STEPS, type ImageSettings } from '../../utils/image-settings';
import { send } from '../../utils/messaging';
import type { ConnectionReport } from '../../utils/protocol';
import type { Settings } from '../../utils/settings';
import { ConnectionTest } from './ConnectionTest';
import { type ImageBackendForm, imageBackendDraft, imageBackendUrl, sharesChat } from './useImageBackendForm';

interface Props {
  settings: Settings;
  set: (patch: Partial<ImageSettings>) => void;
  form: ImageBackendForm;
  chatKeyDraft: string;
  /** Asks for host access to the backend (call inside the click). */
  askAccess: (url: string) => Promise<boolean>;
  /** The models or checkpoints the backend listed on Test. */
  onModels: (models: string[]) => void;
}

/** Settings › Image generation: which backend draws, where it is, its key, Test, and what a local server is sent. */
export function ImageBackendFieldset({ settings, set, form, chatKeyDraft, askAccess, onModels }: Props) {
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
        () => setReport({ ok: false, message: 'The test could not run.' }),
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
      <label for="image-backend">Image backend</label>
      <select id="image-backend" value={images.backend} onChange={(e) => pick(e.currentTarget.value as ImageBackendKind)}>
        {IMAGE_BACKEND_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {IMAGE_BACKENDS[kind].label}
          </option>
        ))}
      </select>
      <p class="hint">{row.local ? <code class="help">{row.setup.replace(/^[^:]*: /, '')}</code> : row.setup}</p>
      {!row.local && (
        <label class="check">
          <input
            id="image-same-as-chat"
            type="checkbox"
            checked={images.sameAsChat}
            onChange={(e) => set({ sameAsChat: e.currentTarget.checked })}
          />{' '}
          Use the chat provider's endpoint and key
        </label>
      )}
      {!shared && (
        <>
          <label for="image-base-url">Image backend address</label>
          <input
            id="image-base-url"
            value={images.baseUrl}
            placeholder={row.defaultBaseUrl || 'https://…/v1'}
            onInput={(e) => set({ baseUrl: e.currentTarget.value })}
          />
        </>
      )}
      {!shared && row.needsKey && (
        <>
          <label for="image-api-key">Image backend key</label>
          <input
            id="image-api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={form.keyDraft}
            onInput={(e) => form.setKeyDraft(e.currentTarget.value)}
            placeholder={form.keyStatus?.hasKey ? 'A key is saved. Type a new one to replace it.' : 'sk-…'}
          />
          <p class="hint" data-testid="image-key-status">
            {form.keyStatus?.hasKey
              ? `A key is saved for ${form.keyStatus.endpoint ?? 'this backend'}; it is sent only there. `
              : 'No key saved for the image backend yet. '}
            {form.keyStatus?.hasKey && (
              <button type="button" class="link" onClick={() => void form.clearKey()}>
                Remove key
              </button>
            )}
          </p>
        </>
      )}
      <ConnectionTest report={report} busy={busy} onTest={test} label="Test image backend" />
      {row.accepts.steps && (
        <div class="row">
          <label>
            Steps{' '}
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
            CFG{' '}
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
            Sampler{' '}
            <input
              id="image-sampler"
              value={images.sampler}
              placeholder="server default"
              onInput={(e) => set({ sampler: e.currentTarget.value })}
            />
          </label>
          <label>
            Seed{' '}
            <input
              id="image-seed"
              type="number"
              min={RANDOM_SEED}
              value={images.seed}
              title="-1: a new seed each time"
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
          This backend has no negative prompt: write it into the prompt as "Avoid: …"
        </label>
      )}
      {images.backend === 'comfyui' && (
        <>
          <label for="image-workflow">Workflow (API format; empty: the built-in text-to-image one)</label>
          <textarea
            id="image-workflow"
            rows={4}
            spellcheck={false}
            value={images.workflow}
            placeholder="In ComfyUI: Workflow › Export (API), then paste it here."
            onInput={(e) => set({ workflow: e.currentTarget.value })}
          />
          <label for="image-workflow-map">Input mapping (optional; found automatically from the sampler)</label>
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
