import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultTemplate, type PromptTarget, type TargetId } from '../../utils/targets';
import { isValidTemplate, MAX_TEMPLATE_CHARS, templateProblems } from '../../utils/templates';

interface Props {
  target: PromptTarget;
  /** The saved override, if any. */
  override?: string;
  /** A valid template, or undefined for "use the default". Invalid drafts are not passed on. */
  onChange: (template: string | undefined) => void;
}

/**
 * One target's request template. Problems (unknown placeholders, no {{selection}}) are listed
 * as the person types and also block the settings form from being saved.
 */
export function TemplateEditor({ target, override, onChange }: Props) {
  const fallback = defaultTemplate(target.id as TargetId);
  const [draft, setDraft] = useState(override ?? fallback);
  const [open, setOpen] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const problems = templateProblems(draft);
  const id = `template-${target.id}`;

  useEffect(() => field.current?.setCustomValidity(problems.join(' ')), [problems.join('\n')]);

  const set = (value: string) => {
    setDraft(value);
    if (isValidTemplate(value)) onChange(value === fallback ? undefined : value);
  };
  const custom = draft !== fallback;

  return (
    <details open={open || problems.length > 0} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={id}>
      <summary>
        {target.label} — {custom ? 'custom template' : 'default template'}
      </summary>
      <label for={id}>Message sent with the selection</label>
      <textarea
        id={id}
        ref={field}
        value={draft}
        rows={7}
        maxLength={MAX_TEMPLATE_CHARS}
        spellcheck={false}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onInput={(e) => set(e.currentTarget.value)}
      />
      {problems.length > 0 && (
        <ul class="problems" id={`${id}-problems`} role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" onClick={() => set(fallback)} disabled={!custom}>
          Reset to default
        </button>
      </div>
    </details>
  );
}
