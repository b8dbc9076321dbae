import { defineBackground } from 'wxt/utils/define-background';
import { onMenuClick, wireBackground } from '../utils/background-wiring';
import { markOnce, PERF_MARKS } from '../utils/perf-marks';

export default defineBackground({
  type: 'module',
  main() {
    wireBackground();
    markOnce(PERF_MARKS.workerReady);
    // End-to-end builds only: automation cannot click a context menu, so tests call the very
    // handler the menu uses. `import.meta.env.MODE` is a build-time constant; production builds
    // drop this branch entirely (a size test checks the hook name is absent).
    if (import.meta.env.MODE === 'e2e') {
      Object.assign(globalThis, { __promptbrushE2E: { onMenuClick } });
    }
  },
});
