// The size budgets of issue #8, asserted on the production builds (run after `npm run build`).
// Deterministic: the same build gives the same numbers. Timings are reported by `npm run bench`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../bench/budgets';
import { fileSize, importGraph, pageScripts, pageWeight, SDK_MARKERS, sdkMarkersIn } from '../bench/sizes';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = ['chrome-mv3', 'firefox-mv3'].map((name) => join(ROOT, '.output', name));

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

  it(`keeps the popup's JavaScript within ${BUDGETS.popupGzipBytes / 1024} KB gzipped`, () => {
    const popup = pageWeight(dir, 'popup.html');
    expect(popup.gzip).toBeGreaterThan(0);
    expect(popup.gzip, popup.files.map((f) => `${f.file} ${f.gzip}`).join(', ')).toBeLessThanOrEqual(BUDGETS.popupGzipBytes);
  });

  it('keeps every part of the openai SDK out of the popup and options pages', () => {
    // The markers are real: the background, which does use the SDK, carries every one of them.
    const background = importGraph(dir, ['background.js']).map((file) => readFileSync(join(dir, file), 'utf8'));
    expect(sdkMarkersIn(background.join('\n'))).toEqual([...SDK_MARKERS]);
    expect(pageWeight(dir, 'popup.html').sdkFiles).toEqual([]);
    expect(pageWeight(dir, 'options.html').sdkFiles).toEqual([]);
  });
});
