// The colour tokens of components/shared/styles.css, read from the file, in light and dark:
// text ≥ 4.5:1 on every surface it is drawn on (WCAG AA), control borders and the focus ring
// ≥ 3:1 (WCAG 1.4.11). axe-core checks the rendered text; borders and rings only this test does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(resolve(import.meta.dirname, '../../components/shared/styles.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1] as string, (m[2] as string).toLowerCase()]),
  );
}

const light = tokens(CSS.slice(CSS.indexOf(':root {'), CSS.indexOf('}', CSS.indexOf(':root {'))));
const darkStart = CSS.indexOf(':root {', CSS.indexOf('prefers-color-scheme: dark'));
const dark = { ...light, ...tokens(CSS.slice(darkStart, CSS.indexOf('}', darkStart))) };

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(Number.parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** [foreground, background, minimum]. */
const PAIRS: [string, string, number][] = [
  ...['fg', 'muted', 'accent', 'error', 'ok', 'warn'].flatMap((text): [string, string, number][] => [
    [text, 'bg', 4.5],
    [text, 'panel', 4.5],
  ]),
  ['fg', 'accent-soft', 4.5],
  ['accent-fg', 'accent', 4.5],
  ['error-fg', 'error', 4.5],
  ['border', 'bg', 3],
  ['border', 'panel', 3],
  ['accent', 'bg', 3],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_, theme) => {
  it.each(PAIRS)('--%s on --%s ≥ %s:1', (fg, bg, minimum) => {
    const [a, b] = [theme[fg], theme[bg]];
    expect(a, fg).toMatch(/^#/);
    expect(b, bg).toMatch(/^#/);
    expect(contrast(a as string, b as string)).toBeGreaterThanOrEqual(minimum);
  });
});

describe('dark mode', () => {
  it('redefines every status colour, not only the surfaces', () => {
    for (const name of ['error', 'ok', 'warn', 'error-fg', 'border']) expect(dark[name], name).not.toBe(light[name]);
  });
});
