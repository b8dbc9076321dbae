// Request templates: the user message that carries the selection, per target, with
// `{{selection}}` and `{{context}}` placeholders. The person may override a target's template
// in the options; a template is used only when it is valid. Pure.

export const PLACEHOLDERS = ['selection', 'context'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const MAX_TEMPLATE_CHARS = 4000;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** One thing wrong with a template; the options page says it in the person's language. */
export type TemplateProblem =
  | { code: 'unknown-placeholder'; name: string }
  | { code: 'unclosed-placeholder' }
  | { code: 'no-selection' }
  | { code: 'too-long'; max: number };

/** What is wrong with a template. Empty when it is valid. */
export function templateProblems(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  const unknown = [...new Set(names.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
  for (const name of unknown) problems.push({ code: 'unknown-placeholder', name });
  const rest = template.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push({ code: 'unclosed-placeholder' });
  if (!names.includes('selection')) problems.push({ code: 'no-selection' });
  if (template.length > MAX_TEMPLATE_CHARS) problems.push({ code: 'too-long', max: MAX_TEMPLATE_CHARS });
  return problems;
}

export function isValidTemplate(template: string): boolean {
  return templateProblems(template).length === 0;
}

/** Fills the placeholders; a placeholder whose value is empty leaves no blank lines behind. */
export function renderTemplate(template: string, values: Record<Placeholder, string>): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as Placeholder] : whole))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
