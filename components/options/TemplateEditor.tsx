import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { defaultTemplate, type PromptTarget, type TargetId } from '../../utils/targets';
import { isValidTemplate, MAX_TEMPLATE_CHARS, type TemplateProblem, templateProblems } from '../../utils/templates';
import { targetLabel } from '../shared/craft-words';

interface Props {
  target: PromptTarget;
  /** The saved override, if any. */
  override?: string;
  /** A valid template, or undefined for "use the default". Invalid drafts are not passed on. */
  onChange: (template: string | undefined) => void;
}

function problemText(problem: TemplateProblem): string {
  switch (problem.code) {
    case 'unknown-placeholder':
      return t('template_unknown_placeholder', `{{${problem.name}}}`);
    case 'unclosed-placeholder':
      return t('template_unclosed');
    case 'no-selection':
      return t('template_no_selection');
    case 'too-long':
      return t('template_too_long', problem.max);
  }
}

/**
 * One target's request template. Problems (unknown placeholders, no {{selection}}) are listed
 * as the person types; a template with problems is not saved (the last valid one stays).
 */
export function TemplateEditor({ target, override, onChange }: Props) {
  const fallback = defaultTemplate(target.id as TargetId);
  const [draft, setDraft] = useState(override ?? fallback);
  const [open, setOpen] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const problems = templateProblems(draft).map(problemText);
  const id = `template-${target.id}`;

  useEffect(() => field.current?.setCustomValidity(problems.join(' ')), [problems.join('\n')]);

  const set = (value: string) => {
    setDraft(value);
    if (isValidTemplate(value)) onChange(value === fallback ? undefined : value);
  };
  const custom = draft !== fallback;

  return (
    <details open={open || problems.length > 0} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={id}>
      <summary>{t(custom ? 'template_summary_custom' : 'template_summary_default', targetLabel(target.id as TargetId))}</summary>
      <label for={id}>{t('template_field')}</label>
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
          <li>{t('template_not_saved')}</li>
        </ul>
      )}
      <div class="row">
        <button type="button" onClick={() => set(fallback)} disabled={!custom}>
          {t('template_reset')}
        </button>
      </div>
    </details>
  );
}
