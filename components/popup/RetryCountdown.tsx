import { useEffect, useState } from 'preact/hooks';
import { errorWords } from '../../utils/error-words';
import type { RetryWait } from '../../utils/retry';
import { t } from './strings';

/**
 * "Rate limited — retrying in 3 s": the background is waiting before it tries again. The
 * countdown ticks on screen only; a screen reader hears once per attempt what is happening.
 */
export function RetryCountdown({ wait }: { wait: RetryWait }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((wait.until - now) / 1000));
  const title = errorWords(wait.kind).title;
  return (
    <div class="notice notice-warn">
      <p class="visually-hidden" role="status">
        {t('retryingAnnounce', title, wait.attempt, wait.maxAttempts)}
      </p>
      <p data-testid="retry-countdown" data-waiting-for={wait.kind} aria-hidden="true">
        {t('retryingIn', title, seconds, wait.attempt, wait.maxAttempts)}
      </p>
    </div>
  );
}
