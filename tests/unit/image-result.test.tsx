// @vitest-environment happy-dom
// A run's image in the popup, read by id from the history database: shown while its bytes are
// there (a history image or transient bytes), and said to be gone once deleted from history.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImageResult } from '../../components/popup/ImageResult';
import { clearTransientBytes, putTransientBytes } from '../../utils/history-store';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const meta = { id: 'run-0', mime: 'image/png', width: 4, height: 3 };

beforeEach(async () => {
  fakeBrowser.reset();
  await clearTransientBytes();
});
afterEach(cleanup);

describe('ImageResult', () => {
  it('shows the image its id refers to', async () => {
    await putTransientBytes('run-0', PNG);
    render(<ImageResult meta={meta} prompt="A fox" index={0} count={1} />);
    await waitFor(() => expect(screen.getByRole('img').getAttribute('src')).toMatch(/^blob:/));
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('download')).toBe('a-fox.png');
  });

  it('says so when the image is no longer stored', async () => {
    render(<ImageResult meta={meta} prompt="A fox" index={0} count={1} />);
    await screen.findByText('Deleted from history.');
    expect(screen.queryByRole('img')).toBeNull();
  });
});
