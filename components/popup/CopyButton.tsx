import { useEffect, useState } from 'preact/hooks';
import { copyShortcut, t } from './strings';

interface Props {
  /** Called at click time, so the copy is exactly what is shown then. */
  getText: () => string;
  label?: string;
  /** A name for screen readers when several Copy buttons share one visible label. */
  ariaLabel?: string;
  disabled?: boolean;
  class?: string;
  /** Also copies on Ctrl+Shift+C (⌘⇧C on a Mac), from anywhere in the page; the title says so. */
  shortcut?: boolean;
  /** What the status says after a copy. */
  copiedText?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** True for the copy shortcut: Ctrl+Shift+C, or ⌘⇧C (the key, whatever the layout prints on it). */
export const isCopyShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && event.shiftKey && event.code === 'KeyC';

export function CopyButton({ getText, label = t('copy'), ariaLabel, disabled, class: className = '', shortcut, copiedText }: Props) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(getText());
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  useEffect(() => {
    if (!shortcut || disabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isCopyShortcut(event)) return;
      event.preventDefault();
      void copy();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shortcut, disabled, getText]);

  return (
    <span class="copy">
      <button
        type="button"
        class={className}
        onClick={copy}
        disabled={disabled}
        aria-label={ariaLabel}
        title={shortcut ? t('copyTitle', copyShortcut()) : undefined}
        aria-keyshortcuts={shortcut ? 'Control+Shift+C Meta+Shift+C' : undefined}
      >
        {state === 'copied' ? t('copied') : label}
      </button>
      <span class={state === 'failed' ? 'copy-status status-error' : 'copy-status visually-hidden'} role="status" aria-live="polite">
        {state === 'copied' ? (copiedText ?? t('copiedStatus')) : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
