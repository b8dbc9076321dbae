import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { t } from './strings';

interface Props {
  value: string;
  onEdit: (negativePrompt: string) => void;
  /** Told the text the box shows whenever it changes ("Copy negative prompt" copies it). */
  onText?: (text: string) => void;
}

/** Stable Diffusion's negative prompt, in its own field; editable in place. */
export function NegativePromptBox({ value, onEdit, onText }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => onText?.(text), [text, onText]);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow new values (a regenerated prompt, a chosen variation), not the echo of an edit.
  useEffect(() => {
    if (value !== sent.current) setText(value);
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = next;
      onEdit(next);
    }, 300);
  };

  return (
    <section class="negative">
      <div class="prompt-head">
        <label class="label" for="negative-prompt-text">
          {t('negativeLabel')}
        </label>
        <CopyButton
          class="small"
          getText={() => text}
          label={t('copyNegative')}
          copiedText={t('negativeCopied')}
          disabled={text.trim() === ''}
        />
      </div>
      <textarea
        id="negative-prompt-text"
        data-testid="negative-prompt"
        value={text}
        rows={2}
        onInput={(e) => edit(e.currentTarget.value)}
      />
    </section>
  );
}
