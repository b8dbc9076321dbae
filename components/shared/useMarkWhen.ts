import { useLayoutEffect } from 'preact/hooks';
import { markOnce } from '../../utils/perf-marks';

/** Marks the first render whose DOM shows what `condition` says (read by `npm run bench`). */
export function useMarkWhen(name: string, condition: boolean): void {
  useLayoutEffect(() => {
    if (condition) markOnce(name);
  }, [name, condition]);
}
