import { useEffect, useState } from 'preact/hooks';
import { ERROR_KINDS } from '../../utils/error-kinds';
import type { JobError } from '../../utils/errors';
import { modelChoice } from '../../utils/model-choice';
import type { ModelInfo } from '../../utils/models';
import { focusFieldFromHash } from './useFocusFromHash';

export interface ModelListState {
  state: 'idle' | 'loading' | 'loaded' | 'failed';
  models: ModelInfo[];
  /** False when the endpoint has no model list. */
  listed: boolean;
  host: string;
  error?: JobError;
}

interface Props {
  value: string;
  list: ModelListState;
  onChange: (model: string) => void;
  /** Click on "Refresh models" (a user gesture: host access may be asked for). */
  onRefresh: () => void;
  /** One click: use this model instead of one that has gone, and save. */
  onSwitch: (model: string) => void;
}

const OTHER = '\u0000other';

/** The chat model, picked from the endpoint's live list, or typed where there is none. */
export function ModelPicker({ value, list, onChange, onRefresh, onSwitch }: Props) {
  const choice = modelChoice(list.models, value, Date.now() / 1000);
  const [typing, setTyping] = useState(false);
  const listed = list.state === 'loaded' && choice.options.length > 0;
  const inList = value === '' || choice.options.some((o) => o.id === value);
  const asSelect = listed && inList && !typing;
  // The control changes from a text field to a list once the models arrive: keep the focus a
  // Fix button asked for (options.html#chat-model).
  useEffect(() => {
    if (location.hash === '#chat-model') focusFieldFromHash();
  }, [asSelect]);

  return (
    <>
      <label for="chat-model">Chat model</label>
      <div class="row">
        {asSelect ? (
          <select
            id="chat-model"
            value={value}
            onChange={(e) => {
              const next = e.currentTarget.value;
              if (next === OTHER) setTyping(true);
              else onChange(next);
            }}
          >
            <option value="">Automatic{choice.automatic ? ` (now ${choice.automatic})` : ''}</option>
            {choice.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
            <option value={OTHER}>Other: type a model id…</option>
          </select>
        ) : (
          <input
            id="chat-model"
            value={value}
            spellcheck={false}
            onInput={(e) => onChange(e.currentTarget.value)}
            placeholder={
              list.state === 'loaded' && !list.listed
                ? 'Type the model id, e.g. llama3.2'
                : "Automatic: a fast model from the endpoint's list"
            }
          />
        )}
        <button type="button" onClick={onRefresh} disabled={list.state === 'loading'}>
          {list.state === 'loading' ? 'Loading…' : 'Refresh models'}
        </button>
      </div>
      <p class="hint" data-testid="model-list-status">
        {list.state === 'loading' && `Loading the models of ${list.host}…`}
        {list.state === 'loaded' &&
          (list.listed
            ? `${choice.options.length} chat models offered by ${list.host}${choice.hiddenRetired > 0 ? ` (${choice.hiddenRetired} retired hidden)` : ''}.`
            : `${list.host} does not list its models: type the id of the model to use.`)}
        {list.state === 'failed' &&
          list.error &&
          `Could not load the models: ${ERROR_KINDS[list.error.kind].title}.${list.error.detail ? ` ${list.error.detail}` : ''} You can still type a model id.`}
      </p>
      {listed && choice.options.some((o) => o.readsImages) && (
        <p class="hint" data-testid="model-vision-hint">
          Models marked “reads images” can write prompts from an image you right-click or paste; the others take text only.
        </p>
      )}
      {choice.gone && (
        <div class="notice notice-warn" role="alert" data-testid="model-gone">
          <p>
            The model “{choice.gone.id}” {choice.gone.reason}.
          </p>
          {choice.gone.switchTo && (
            <button type="button" class="primary" onClick={() => onSwitch(choice.gone?.switchTo as string)}>
              Switch to {choice.gone.switchTo}
            </button>
          )}
        </div>
      )}
      {choice.retiring && (
        <p class="hint warn" data-testid="model-retiring">
          “{choice.retiring.id}” is scheduled to retire on {choice.retiring.on}: pick another model before then.
        </p>
      )}
    </>
  );
}
