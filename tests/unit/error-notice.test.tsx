// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNotice, loadErrorNotice } from '../../components/popup/ErrorNotice';
import { ErrorNoticeBody } from '../../components/popup/ErrorNoticeBody';
import { RetryCountdown } from '../../components/popup/RetryCountdown';
import { ERROR_KINDS, type ErrorKind, type ErrorKindInfo } from '../../utils/error-kinds';
import { SETTINGS_FIELDS } from '../../utils/settings-fields';

afterEach(() => cleanup());

describe('ErrorNotice', () => {
  it('loads the error table with the first failure, then shows the row whole, as one alert', async () => {
    render(<ErrorNotice error={{ kind: 'server' }} onRetry={() => undefined} onOpenOptions={() => undefined} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(ERROR_KINDS.server.title);
    expect(alert.textContent).toContain(ERROR_KINDS.server.message);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    // Loaded once, every later notice shows at once.
    expect(await loadErrorNotice()).toBe(ErrorNoticeBody);
    cleanup();
    render(<ErrorNotice error={{ kind: 'offline' }} onOpenOptions={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain(ERROR_KINDS.offline.title);
  });

  it.each(Object.keys(ERROR_KINDS) as ErrorKind[])('%s: shows the row’s words and its Retry or Fix button', (kind) => {
    const info: ErrorKindInfo = ERROR_KINDS[kind];
    const onRetry = vi.fn();
    const onOpenOptions = vi.fn();
    render(<ErrorNoticeBody error={{ kind, detail: 'the provider’s words' }} onRetry={onRetry} onOpenOptions={onOpenOptions} />);
    expect(screen.getByRole('alert').textContent).toContain(info.title);
    expect(screen.getByRole('alert').textContent).toContain(info.message);
    expect(screen.getByRole('alert').textContent).toContain('Details: the provider’s words');

    const retry = screen.queryByRole('button', { name: 'Retry' });
    expect(retry !== null, 'Retry button').toBe(info.action === 'retry');
    retry && fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(info.action === 'retry' ? 1 : 0);

    const fix = screen.queryByTestId('fix');
    if (info.field) {
      expect(fix?.textContent).toBe(SETTINGS_FIELDS[info.field]);
      fireEvent.click(fix as HTMLElement);
      expect(onOpenOptions).toHaveBeenCalledWith(info.field);
    } else if (info.action === 'open-options') {
      expect(fix?.textContent).toBe('Open settings');
    } else {
      expect(fix).toBeNull();
    }
    // Every failure offers a way forward, except those where there is nothing to do but select text.
    if (info.action !== 'none') expect(retry ?? fix).not.toBeNull();
  });

  it('shows what to run for Ollama, verbatim', () => {
    render(<ErrorNoticeBody error={{ kind: 'ollama-origin' }} onOpenOptions={() => undefined} />);
    expect(screen.getByRole('alert').querySelector('code')?.textContent).toBe(
      'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve',
    );
  });

  it('shows how long the provider asks to wait', () => {
    render(<ErrorNoticeBody error={{ kind: 'rate-limited', retryAfterSeconds: 120 }} onOpenOptions={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('The provider asks to wait 120 s.');
  });
});

describe('RetryCountdown', () => {
  it('counts down to the next attempt', () => {
    vi.useFakeTimers({ now: 10_000 });
    try {
      render(<RetryCountdown wait={{ kind: 'rate-limited', attempt: 2, maxAttempts: 4, until: 13_000 }} />);
      expect(screen.getByTestId('retry-countdown').textContent).toBe('Rate limited — retrying in 3 s (attempt 2 of 4).');
      act(() => {
        vi.advanceTimersByTime(2100);
      });
      expect(screen.getByTestId('retry-countdown').textContent).toContain('retrying in 1 s');
    } finally {
      vi.useRealTimers();
    }
  });
});
