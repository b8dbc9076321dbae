// Every word a page shows comes from the locale files (public/_locales): this fails when a
// component holds a hard-coded user-visible string — JSX text, a string shown as a JSX child
// (also in a ?: or && branch), or a literal title, aria-label, placeholder, alt or label.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** The pages whose words are all in the locale files. */
const CONVERTED = ['components/options', 'components/history', 'components/shared', 'components/popup'];
const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label', 'aria-valuetext']);
/** Literals that are not words of a language. */
// A key's shape, URL shapes, and ComfyUI's input-mapping syntax (keywords it parses).
const NOT_WORDS = new Set(['sk-…', 'https://', 'https://…/v1', 'positive = 6.text\nnegative = 7.text']);
const LETTER = /\p{L}/u;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return name.endsWith('.tsx') ? [relative(ROOT, path)] : [];
  });
}

type Node = { type: string; [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

const wordy = (text: string) => LETTER.test(text) && !NOT_WORDS.has(text.trim());

/** Strings an expression shows when it is rendered: literals, template text, and the branches of ?: and &&/||. */
function shownStrings(node: Node): string[] {
  switch (node.type) {
    case 'StringLiteral':
      return [node.value as string];
    case 'TemplateLiteral':
      return (node.quasis as { value: { cooked: string } }[]).map((quasi) => quasi.value.cooked);
    case 'ConditionalExpression':
      return [...shownStrings(node.consequent as Node), ...shownStrings(node.alternate as Node)];
    case 'LogicalExpression':
      return shownStrings(node.right as Node);
    default:
      return [];
  }
}

/** Hard-coded user-visible strings in a component's source, one line each: "line: text". */
function hardCodedStrings(code: string): string[] {
  const ast = parse(code, { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  const found: string[] = [];
  const report = (node: Node, text: string) => {
    if (wordy(text)) found.push(`${(node.loc as { start: { line: number } }).start.line}: ${text.trim()}`);
  };
  const visit = (node: Node) => {
    if (node.type === 'JSXText') report(node, node.value as string);
    if (node.type === 'JSXExpressionContainer' && isNode(node.expression)) {
      for (const text of shownStrings(node.expression)) report(node, text);
    }
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name: string }).name;
      const value = node.value as Node | null;
      if (SHOWN_ATTRIBUTES.has(name) && value) {
        if (value.type === 'StringLiteral') report(node, value.value as string);
        if (value.type === 'JSXExpressionContainer' && isNode(value.expression)) {
          for (const text of shownStrings(value.expression)) report(node, text);
        }
      }
      return; // Other attributes (class, id, data-testid…) are not shown.
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'start' || key === 'end') continue;
      if (Array.isArray(child)) for (const item of child) isNode(item) && visit(item);
      else if (isNode(child)) visit(child);
    }
  };
  visit(ast.program as unknown as Node);
  return found;
}

describe('user-visible strings', () => {
  it('come from the locale files in every converted page', () => {
    const files = CONVERTED.flatMap(sources);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => hardCodedStrings(readFileSync(join(ROOT, file), 'utf8')).map((line) => `${file}:${line}`));
    expect(found).toEqual([]);
  });

  it('fails on JSX text, shown literals and shown attributes; passes words from t()', () => {
    expect(hardCodedStrings('const A = () => <p>Saved.</p>;')).toEqual(['1: Saved.']);
    expect(hardCodedStrings("const A = ({ busy }) => <b>{busy ? 'Testing…' : t('test_button')}</b>;")).toEqual(['1: Testing…']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test.
    expect(hardCodedStrings('const A = ({ n }) => <i>{`${n} images`}</i>;')).toEqual(['1: images']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test.
    expect(hardCodedStrings('const A = () => <input placeholder="Search" aria-label={`Search ${x}`} />;')).toHaveLength(2);
    expect(hardCodedStrings('const A = () => <img alt="A photo" />;')).toHaveLength(1);
    expect(
      hardCodedStrings("const A = ({ ok }) => <p class=\"hint\" data-testid=\"x\">{t('save_saved')} {ok && t('x')} · {'…'}</p>;"),
    ).toEqual([]);
  });
});
