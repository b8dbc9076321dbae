// The size budgets of issue #8, asserted on the production builds (run after `npm run build`).
// Deterministic: the same build gives the same numbers. Timings are reported by `npm run bench`.
// "The popup's JavaScript at open" is what popup.html loads before its first render: its module
// script, its modulepreload links and their static imports, transitively. What it loads later
// through dynamic import() (the open history, an image run) is reported, not budgeted.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../bench/budgets';
import { fileSize, importGraph, lazyParts, pageScripts, pageWeight, SDK_MARKERS, sdkMarkersIn } from '../bench/sizes';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = ['chrome-mv3', 'firefox-mv3'].map((name) => join(ROOT, '.output', name));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

describe.each(BUILDS)('size budgets of %s', (dir) => {
  it(`keeps the capture script within ${BUDGETS.captureMinifiedBytes} bytes minified`, () => {
    const capture = fileSize(dir, 'capture.js');
    expect(capture.bytes).toBeGreaterThan(0);
    expect(capture.bytes).toBeLessThanOrEqual(BUDGETS.captureMinifiedBytes);
  });

  it('finds every script the popup loads when it opens: its entry and the chunks it imports', () => {
    const files = pageScripts(dir, 'popup.html');
    expect(files[0]).toMatch(/(^|\/)popup[-.]/);
    expect(files.length).toBeGreaterThan(1);
  });

  it(`keeps the popup's JavaScript at open within ${BUDGETS.popupGzipBytes / 1024} KB gzipped, and reports what loads later`, () => {
    const popup = pageWeight(dir, 'popup.html');
    const later = lazyParts(dir, 'popup.html');
    process.stdout.write(
      [
        `${dir.split('/').at(-1)}: popup JavaScript at open ${kb(popup.gzip)} gzipped (${kb(popup.bytes)} minified) in ${popup.files.length} files, budget ${kb(BUDGETS.popupGzipBytes)}`,
        ...popup.files.map((f) => `  ${f.file} ${kb(f.gzip)}`),
        '  loaded later, on demand (reported, not budgeted):',
        ...later.map((part) => `  ${part.entry} → +${kb(part.gzip)} gzipped in ${part.files.map((f) => f.file).join(', ')}`),
        '',
      ].join('\n'),
    );
    expect(popup.gzip).toBeGreaterThan(0);
    expect(popup.gzip, popup.files.map((f) => `${f.file} ${f.gzip}`).join(', ')).toBeLessThanOrEqual(BUDGETS.popupGzipBytes);
  });

  it('keeps every part of the openai SDK out of the popup and options pages, at open and later', () => {
    // The markers are real: the background, which does use the SDK, carries every one of them.
    const background = importGraph(dir, ['background.js']).map((file) => readFileSync(join(dir, file), 'utf8'));
    expect(sdkMarkersIn(background.join('\n'))).toEqual([...SDK_MARKERS]);
    for (const page of ['popup.html', 'options.html', 'sidepanel.html']) {
      expect(pageWeight(dir, page).sdkFiles, page).toEqual([]);
      for (const part of lazyParts(dir, page)) expect(part.sdkFiles, `${page} → ${part.entry}`).toEqual([]);
    }
  });
});
