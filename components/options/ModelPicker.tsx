import { useEffect, useState } from 'preact/hooks';
import { errorWords } from '../../utils/error-words';
import type { JobError } from '../../utils/errors';
import { formatDay, t, tn } from '../../utils/i18n';
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

  const listStatus = () => {
    if (list.state === 'loading') return t('models_loading', list.host);
    if (list.state === 'loaded' && !list.listed) return t('models_unlisted', list.host);
    if (list.state === 'loaded') {
      const offered = tn('models_offered', choice.options.length, list.host);
      return choice.hiddenRetired > 0 ? `${offered} ${t('models_retired_hidden', choice.hiddenRetired)}` : offered;
    }
    if (list.state === 'failed' && list.error) {
      const { title } = errorWords(list.error.kind);
      return t('models_failed', list.error.detail ? `${title}. ${list.error.detail}` : title);
    }
    return '';
  };

  return (
    <>
      <label for="chat-model">{t('model_field')}</label>
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
            <option value="">{choice.automatic ? t('model_automatic_now', choice.automatic) : t('model_automatic')}</option>
            {choice.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.retiresOn ? t('model_retires', o.id, formatDay(o.retiresOn)) : o.id}
                {o.readsImages ? ` · ${t('model_reads_images')}` : ''}
              </option>
            ))}
            <option value={OTHER}>{t('model_other')}</option>
          </select>
        ) : (
          <input
            id="chat-model"
            value={value}
            spellcheck={false}
            onInput={(e) => onChange(e.currentTarget.value)}
            placeholder={list.state === 'loaded' && !list.listed ? t('model_placeholder_type') : t('model_placeholder_automatic')}
          />
        )}
        <button type="button" onClick={onRefresh} disabled={list.state === 'loading'}>
          {list.state === 'loading' ? t('common_loading') : t('models_refresh')}
        </button>
      </div>
      <p class="hint" data-testid="model-list-status">
        {listStatus()}
      </p>
      {listed && choice.options.some((o) => o.readsImages) && (
        <p class="hint" data-testid="model-vision-hint">
          {t('model_vision_hint')}
        </p>
      )}
      {choice.gone && (
        <div class="notice notice-warn" role="alert" data-testid="model-gone">
          <p>
            {choice.gone.retiredOn
              ? t('model_gone_retired', choice.gone.id, formatDay(choice.gone.retiredOn))
              : t('model_gone_unlisted', choice.gone.id)}
          </p>
          {choice.gone.switchTo && (
            <button type="button" class="primary" onClick={() => onSwitch(choice.gone?.switchTo as string)}>
              {t('model_switch_to', choice.gone.switchTo)}
            </button>
          )}
        </div>
      )}
      {choice.retiring && (
        <p class="hint warn" data-testid="model-retiring">
          {t('model_retiring', choice.retiring.id, formatDay(choice.retiring.on))}
        </p>
      )}
    </>
  );
}
