import { ASPECT_RATIOS, type AspectRatioId } from '../../utils/aspect-ratios';
import { type CraftChoice, VARIATION_RANGE } from '../../utils/craft';
import { STYLE_PRESETS, type StyleId } from '../../utils/styles';
import { TARGETS, type TargetId } from '../../utils/targets';
import { aspectLabel, styleLabel, targetLabel } from '../shared/craft-words';
import { t } from './strings';

interface Props {
  choice: CraftChoice;
  onChange: (patch: Partial<CraftChoice>) => void;
  disabled?: boolean;
  /** Prefix for the controls' ids, so the popup and the options page can both use this. */
  idPrefix?: string;
}

const TAKES = Array.from({ length: VARIATION_RANGE.max }, (_, i) => i + 1);

/**
 * Target, style, aspect ratio and number of takes: plain labelled selects, so every one is
 * reachable with Tab and changed with the arrow keys.
 */
export function CraftPickers({ choice, onChange, disabled, idPrefix = 'pick' }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <fieldset class="pickers">
      <legend class="visually-hidden">{t('pickersLegend')}</legend>
      <label for={id('target')}>
        <span class="label">{t('pickTarget')}</span>
        <select
          id={id('target')}
          data-testid="pick-target"
          value={choice.target}
          disabled={disabled}
          onChange={(e) => onChange({ target: e.currentTarget.value as TargetId })}
        >
          {TARGETS.map((target) => (
            <option key={target.id} value={target.id}>
              {targetLabel(target.id as TargetId)}
            </option>
          ))}
        </select>
      </label>
      <label for={id('style')}>
        <span class="label">{t('pickStyle')}</span>
        <select
          id={id('style')}
          data-testid="pick-style"
          value={choice.style}
          disabled={disabled}
          onChange={(e) => onChange({ style: e.currentTarget.value as StyleId })}
        >
          {STYLE_PRESETS.map((style) => (
            <option key={style.id} value={style.id}>
              {style.id === 'none' ? t('noStyle') : styleLabel(style.id as StyleId)}
            </option>
          ))}
        </select>
      </label>
      <label for={id('aspect')}>
        <span class="label">{t('pickAspect')}</span>
        <select
          id={id('aspect')}
          data-testid="pick-aspect"
          value={choice.aspectRatio}
          disabled={disabled}
          onChange={(e) => onChange({ aspectRatio: e.currentTarget.value as AspectRatioId })}
        >
          {ASPECT_RATIOS.map((aspect) => (
            <option key={aspect.id} value={aspect.id}>
              {aspectLabel(aspect.id as AspectRatioId)}
            </option>
          ))}
        </select>
      </label>
      <label for={id('takes')}>
        <span class="label">{t('pickTakes')}</span>
        <select
          id={id('takes')}
          data-testid="pick-takes"
          value={String(choice.variationCount)}
          disabled={disabled}
          onChange={(e) => onChange({ variationCount: Number(e.currentTarget.value) })}
        >
          {TAKES.map((n) => (
            <option key={n} value={String(n)}>
              {n === 1 ? t('onePrompt') : t('nVariations', n)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
