// Request templates: the user message that carries the selection, per target, with
// `{{selection}}` and `{{context}}` placeholders. The person may override a target's template
// in the options; a template is used only when it is valid. Pure.

export const PLACEHOLDERS = ['selection', 'context'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const MAX_TEMPLATE_CHARS = 4000;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What is wrong with a template, in words the options page shows. Empty when it is valid. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  const unknown = [...new Set(names.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
  for (const name of unknown) {
    problems.push(`Unknown placeholder {{${name}}}: use {{selection}} or {{context}}.`);
  }
  const rest = template.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('A placeholder is not closed: write {{selection}} or {{context}}.');
  if (!names.includes('selection')) problems.push('The template must contain {{selection}}, or the selected text is never sent.');
  if (template.length > MAX_TEMPLATE_CHARS) problems.push(`The template is longer than ${MAX_TEMPLATE_CHARS} characters.`);
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
