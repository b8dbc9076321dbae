import { useRef, useState } from 'preact/hooks';
import { ASPECT_RATIOS } from '../../utils/aspect-ratios';
import type { CraftChoice } from '../../utils/craft';
import { styleLabel, targetLabel } from '../shared/craft-words';
import { lazy } from '../shared/lazy';
import { t } from './strings';
import type { PopupCraft } from './usePopupCraft';
import '../shared/craft.css';

/** The four selects load when the row is first opened. */
const CraftPickers = lazy(
  () => import('./CraftPickers').then((module) => module.CraftPickers),
  () => <p class="status">…</p>,
);

/** "GPT Image · Watercolour · 3:2 · 1 take": the choice in one line. */
export function craftSummary(choice: CraftChoice): string {
  const target = targetLabel(choice.target).split(' / ')[0];
  const style = choice.style === 'none' ? t('noStyle') : styleLabel(choice.style);
  const aspect = ASPECT_RATIOS.find((row) => row.id === choice.aspectRatio)?.id ?? choice.aspectRatio;
  const takes = choice.variationCount === 1 ? t('takesOne') : t('takesMany', choice.variationCount);
  return [target, style, aspect, takes].join(' · ');
}

/**
 * The prompt-craft choice as one compact row that opens the pickers. A change rewrites the job's
 * prompt at once unless the person edited it: then the edit stays, and "Rewrite with these
 * settings" is offered. Only "Make default" changes what new prompts get.
 */
export function CraftBar({ craft }: { craft: PopupCraft }) {
  const [open, setOpen] = useState(false);
  const row = useRef<HTMLButtonElement>(null);
  const { choice } = craft;
  if (!choice) return null;
  const summary = craftSummary(choice);
  return (
    <div class="craft">
      <button
        type="button"
        ref={row}
        class="craft-row"
        aria-expanded={open}
        aria-controls="craft-panel"
        onClick={() => setOpen(!open)}
        onPointerEnter={() => void CraftPickers.preload().catch(() => undefined)}
        data-testid="craft-row"
      >
        <span class="visually-hidden">{t('craftRow')} </span>
        <span class="craft-summary">{summary}</span>
        <span class="craft-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the panel from any of its controls
        <div
          class="craft-panel"
          id="craft-panel"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            setOpen(false);
            row.current?.focus();
          }}
        >
          <CraftPickers choice={choice} onChange={craft.change} idPrefix="pick" />
          <div class="row">
            <button type="button" class="small" onClick={craft.makeDefault} disabled={craft.isDefault} title={t('makeDefaultHint')}>
              {craft.isDefault ? t('isDefault') : t('makeDefault')}
            </button>
            <button type="button" class="small" onClick={() => setOpen(false)}>
              {t('pickersDone')}
            </button>
          </div>
        </div>
      )}
      {craft.waiting && (
        <div class="notice notice-info edit-kept" data-testid="edit-kept">
          <p>{t('editKept')}</p>
          <div class="row">
            <button type="button" class="small" onClick={craft.rewrite}>
              {t('rewrite')}
            </button>
            <button type="button" class="small quiet" onClick={craft.revert}>
              {t('undoChoice')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
