import { useEffect } from 'preact/hooks';
import { fieldFromHash } from '../../utils/settings-fields';

/** Focuses the field named in the page's hash (options.html#api-key), once the form is shown. */
export function focusFieldFromHash(): void {
  const field = fieldFromHash(location.hash);
  const element = field ? document.getElementById(field) : null;
  if (!element) return;
  element.scrollIntoView?.({ block: 'center' });
  element.focus();
}

export function useFocusFromHash(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(focusFieldFromHash, 0);
    window.addEventListener('hashchange', focusFieldFromHash);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('hashchange', focusFieldFromHash);
    };
  }, [ready]);
}
