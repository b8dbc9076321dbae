import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from './strings';

interface Props {
  prompt: string;
  /** Read-only while the background writes it (or reads the selection). */
  streaming: boolean;
  /** What the background is doing, on the label's line ("Writing with …"). */
  status?: string;
  /** Stops the running job (shown while `status` is). */
  onCancel?: () => void;
  /** Saves the person's edit (debounced by the caller's pace of typing). */
  onEdit: (prompt: string) => void;
  /** Told the text the box shows whenever it changes (the popup's actions use it). */
  onText?: (text: string) => void;
  boxRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The prompt as it streams in, then editable in place. Copy (in the action bar) copies exactly
 * what the box holds at the moment of the click.
 */
export function PromptBox({ prompt, streaming, status, onCancel, onEdit, onText, boxRef }: Props) {
  const [text, setText] = useState(prompt);
  // In the same commit, not after the paint: until the popup knows what the box shows, a finished
  // prompt looks hand-edited, and a picker changed in that frame waited for "Rewrite" instead of
  // writing the prompt again (seen in the end-to-end variations test).
  useLayoutEffect(() => onText?.(text), [text, onText]);
  const dirty = useRef(false);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the stream, retries and a chosen variation, but not the echo of the person's own
  // saved edit while they are still typing. A layout effect: a plain one waits for the next frame,
  // which put every streamed token on screen one frame (~17 ms) late.
  useLayoutEffect(() => {
    if (streaming || !dirty.current || prompt !== sent.current) {
      setText(prompt);
      dirty.current = false;
    }
  }, [prompt, streaming]);

  const edit = (value: string) => {
    dirty.current = true;
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = value;
      onEdit(value);
    }, 300);
  };

  return (
    <section class="prompt" aria-label={t('promptLabel')}>
      <div class="prompt-head">
        <label class="label" for="prompt-text">
          {t('promptLabel')}
        </label>
        {status ? (
          <>
            <span class="status streaming">{status}</span>
            {onCancel && (
              <button type="button" class="quiet small" onClick={onCancel}>
                {t('cancel')}
              </button>
            )}
          </>
        ) : (
          <span class="hint count">{t('characters', text.length.toLocaleString())}</span>
        )}
      </div>
      <textarea
        id="prompt-text"
        ref={boxRef}
        data-testid="prompt"
        value={text}
        readOnly={streaming}
        rows={7}
        onInput={(event) => edit(event.currentTarget.value)}
        aria-busy={streaming}
      />
    </section>
  );
}
