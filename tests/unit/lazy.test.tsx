// @vitest-environment happy-dom
// A part of the popup loaded on first use: its fallback first, then the part; a failed load is
// said from the error table, with Retry that loads again; one load however often it is asked for.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazy } from '../../components/shared/lazy';

afterEach(cleanup);

const Part = ({ name }: { name: string }) => <p data-testid="part">Hello {name}</p>;
const Waiting = ({ name }: { name: string }) => <p role="status">Loading {name}…</p>;

describe('lazy', () => {
  it('shows the fallback with the same props, then the loaded part', async () => {
    const load = vi.fn(async () => Part);
    const LazyPart = lazy(load, Waiting);
    render(<LazyPart name="fox" />);
    expect(screen.getByRole('status').textContent).toBe('Loading fox…');
    expect((await screen.findByTestId('part')).textContent).toBe('Hello fox');
    cleanup();
    render(<LazyPart name="owl" />);
    // Loaded once: shown at once the next time.
    expect(screen.getByTestId('part').textContent).toBe('Hello owl');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('preloads ahead of need, with a single load', async () => {
    const load = vi.fn(async () => Part);
    const LazyPart = lazy(load, Waiting);
    const [first, second] = [LazyPart.preload(), LazyPart.preload()];
    expect(await first).toBe(Part);
    expect(await second).toBe(Part);
    render(<LazyPart name="fox" />);
    expect(screen.getByTestId('part').textContent).toBe('Hello fox');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the part when a load started ahead finishes between the first render and its effect', async () => {
    let finish: (part: typeof Part) => void = () => undefined;
    const LazyPart = lazy(() => new Promise<typeof Part>((resolve) => (finish = resolve)), Waiting);
    void LazyPart.preload();
    // Preact's own render, not act(): the effect waits for the next paint, as in the popup.
    const root = document.createElement('div');
    document.body.append(root);
    preactRender(<LazyPart name="fox" />, root);
    expect(root.textContent).toBe('Loading fox…');
    finish(Part);
    await Promise.resolve();
    await vi.waitFor(() => expect(root.textContent).toBe('Hello fox'), { timeout: 1_000 });
    preactRender(null, root);
    root.remove();
  });

  it('says when the part could not be loaded, and Retry loads it again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue(Part);
    const LazyPart = lazy(load, Waiting);
    render(<LazyPart name="fox" />);
    const notice = await screen.findByRole('alert');
    expect(notice.dataset.errorKind).toBe('part-not-loaded');
    expect(notice.textContent).toContain('Part of Promptbrush did not load');
    fireEvent.click(screen.getByTestId('retry'));
    expect((await screen.findByTestId('part')).textContent).toBe('Hello fox');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
