import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dynamicImports, gzipSize, lazyParts, pageScripts, pageWeight, sdkMarkersIn } from '../bench/sizes';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
  write(
    'popup.html',
    '<script type="module" crossorigin src="/chunks/popup-1.js"></script><link rel="modulepreload" crossorigin href="/chunks/ui-1.js"><link rel="stylesheet" href="/assets/a.css">',
  );
  write(
    'chunks/popup-1.js',
    'import{a as e}from"./ui-1.js";import"./side-1.js";const l=()=>import("./lazy-1.js");let s=`import "./not-code.js"`;e(l,s);',
  );
  write('chunks/ui-1.js', 'export{x as a}from"./core-1.js";');
  write('chunks/core-1.js', 'export const x=1;');
  write('chunks/side-1.js', 'console.log(1);');
  write('chunks/lazy-1.js', 'export default "X-Stainless-Lang";');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bench sizes', () => {
  it("follows a page's module scripts, preloads and static imports, not dynamic imports", () => {
    expect(pageScripts(dir, 'popup.html')).toEqual(['chunks/popup-1.js', 'chunks/ui-1.js', 'chunks/core-1.js', 'chunks/side-1.js']);
  });

  it('weighs what a page loads later, on demand: each dynamic import with what it adds, SDK markers included', () => {
    expect(dynamicImports(dir, ['chunks/popup-1.js'])).toEqual(['chunks/lazy-1.js']);
    write(
      'chunks/lazy-1.js',
      'import{x}from"./core-1.js";import"./viewer-1.js";const v=()=>import(`./deeper-1.js`);export default "X-Stainless-Lang";',
    );
    write('chunks/viewer-1.js', 'export const viewer=2;');
    write('chunks/deeper-1.js', 'export const deeper=3;');
    const parts = lazyParts(dir, 'popup.html');
    // core-1.js is loaded at open already: only what the part adds counts.
    expect(parts.map((part) => [part.entry, part.files.map((f) => f.file)])).toEqual([
      ['chunks/lazy-1.js', ['chunks/lazy-1.js', 'chunks/viewer-1.js']],
      ['chunks/deeper-1.js', ['chunks/deeper-1.js']],
    ]);
    expect(parts[0]?.gzip).toBe(parts[0]?.files.reduce((sum, f) => sum + f.gzip, 0));
    expect(parts[0]?.sdkFiles).toEqual([{ file: 'chunks/lazy-1.js', markers: ['X-Stainless-'] }]);
    // None of it is counted at open.
    expect(pageScripts(dir, 'popup.html')).not.toContain('chunks/lazy-1.js');
  });

  it('fails loudly when a page loads a script the build lacks', () => {
    write('chunks/side-1.js', 'import"./gone-1.js";');
    expect(() => pageScripts(dir, 'popup.html')).toThrow(/gone-1\.js/);
  });

  it('weighs the scripts, gzipped too, and names files carrying SDK code', () => {
    const weight = pageWeight(dir, 'popup.html');
    expect(weight.files).toHaveLength(4);
    expect(weight.gzip).toBe(weight.files.reduce((sum, f) => sum + f.gzip, 0));
    expect(weight.sdkFiles).toEqual([]);
    write('chunks/core-1.js', 'const h={"x-stainless-os":"Linux"};export const x=h;');
    expect(pageWeight(dir, 'popup.html').sdkFiles).toEqual([{ file: 'chunks/core-1.js', markers: ['X-Stainless-'] }]);
  });

  it('finds the SDK markers in any case', () => {
    expect(sdkMarkersIn('new OpenAI({dangerouslyAllowBrowser:!0}); process.env.OPENAI_API_KEY')).toEqual([
      'dangerouslyAllowBrowser',
      'OPENAI_API_KEY',
    ]);
    expect(sdkMarkersIn('const baseUrl = "https://api.openai.com/v1"')).toEqual([]);
    expect(gzipSize('a'.repeat(1000))).toBeLessThan(100);
  });
});
