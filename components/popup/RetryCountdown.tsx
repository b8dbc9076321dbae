import { useEffect, useState } from 'preact/hooks';
import { ERROR_KINDS } from '../../utils/error-kinds';
import type { RetryWait } from '../../utils/retry';

/** "Rate limited — retrying in 3 s": the background is waiting before it tries again. */
export function RetryCountdown({ wait }: { wait: RetryWait }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((wait.until - now) / 1000));
  return (
    <p class="notice notice-warn" role="status" data-testid="retry-countdown" data-waiting-for={wait.kind}>
      <strong>{ERROR_KINDS[wait.kind].title}</strong> — retrying in {seconds} s (attempt {wait.attempt} of {wait.maxAttempts}).
    </p>
  );
}
