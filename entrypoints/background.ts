import { defineBackground } from 'wxt/utils/define-background';
import { moveLegacyImages } from '../utils/background/legacy-images';
import { onCommand, onMenuClick, wireBackground } from '../utils/background/wiring';
import { addImage } from '../utils/history-store';
import { markOnce, PERF_MARKS } from '../utils/perf-marks';

// A classic service worker, bundled on its own (WXT builds a module background together with the
// pages, so the chunks they share carry whatever the background uses of a module — post-processors,
// validators, state transitions — into the popup). Built apart, the pages keep only what they use.
export default defineBackground({
  main() {
    wireBackground();
    markOnce(PERF_MARKS.workerReady);
    // End-to-end builds only: automation cannot click a context menu or press a browser
    // shortcut, so tests call the very handlers the menu and the shortcut use; they also add
    // history images and move an older version's images without a generator or an update.
    // `import.meta.env.MODE` is a build-time constant; production builds drop this branch
    // entirely (a size test checks the hook name is absent).
    if (import.meta.env.MODE === 'e2e') {
      Object.assign(globalThis, { __promptbrushE2E: { onMenuClick, onCommand, addImage, moveLegacyImages } });
    }
  },
});
