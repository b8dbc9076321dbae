import { useEffect, useRef, useState } from 'preact/hooks';
import { ShortcutHint } from '../shared/ShortcutHint';
import { primaryModifier, t } from './strings';
import { useImageDrop } from './useImageDrop';

interface Props {
  disabled: boolean;
  onExpand: (text: string) => void;
  onUseSelection: () => void;
  /** An image pasted or dropped into the box (absent: images are left alone). */
  onImage?: (file: File) => void;
  /** Back to the job shown before "New prompt" (absent when there is none). */
  onBack?: () => void;
  /** Focus the text box when shown (opened with "New prompt"). */
  autoFocus?: boolean;
}

/** Type or paste text (or paste or drop an image), or take the selection of the page behind the popup. */
export function Composer({ disabled, onExpand, onUseSelection, onImage, onBack, autoFocus }: Props) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const drop = useImageDrop(disabled ? undefined : onImage);
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);
  const submit = () => {
    if (!disabled && text.trim()) onExpand(text);
  };
  return (
    <section class="composer" aria-labelledby="composer-title" {...drop}>
      <h2 class="label" id="composer-title">
        {t('composerLabel')}
      </h2>
      <label class="field-label" for="composer-text">
        {t('composerField')}
      </label>
      <textarea
        id="composer-text"
        ref={box}
        data-testid="composer"
        placeholder={t('composerPlaceholder', primaryModifier())}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        value={text}
        rows={6}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div class="row">
        <button type="button" class="primary" onClick={submit} disabled={disabled || text.trim() === ''}>
          {t('writePrompt')}
        </button>
        <button type="button" onClick={onUseSelection} disabled={disabled}>
          {t('useSelection')}
        </button>
        {onBack && (
          <button type="button" class="quiet" onClick={onBack}>
            {t('backToPrompt')}
          </button>
        )}
      </div>
      <ShortcutHint />
    </section>
  );
}
