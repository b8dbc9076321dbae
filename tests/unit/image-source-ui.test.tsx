// @vitest-environment happy-dom
// What the popup shows and does for images: a pasted or dropped image goes to the background (text
// pastes stay in the box), and the image sent is shown exactly — thumbnail, size, how it was read.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryItem } from '../../components/history/HistoryItem';
import { Composer } from '../../components/popup/Composer';
import { SourceSummary } from '../../components/popup/SourceSummary';
import type { SourceImage } from '../../utils/image-source';
import type { CapturedSource, Job } from '../../utils/job';

afterEach(cleanup);
// The composer shows the shortcut: fakeBrowser has no commands of its own.
beforeEach(() => {
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => []) as never);
});

const THUMB = 'data:image/webp;base64,UklGRgAAAABXRUJQ';
const IMAGE: SourceImage = {
  via: 'fetch',
  width: 1024,
  height: 768,
  mime: 'image/jpeg',
  bytes: 150_528,
  originalWidth: 4000,
  originalHeight: 3000,
  thumbnail: THUMB,
};
const SOURCE: CapturedSource = { text: '', originalLength: 0, shortened: false, title: 'Harbour gallery', image: IMAGE };

/** A paste or drop carrying these items (what the browser's DataTransfer lists). */
const carrying = (...items: { kind: string; type: string; file?: File }[]) => ({
  items: items.map((item) => ({ ...item, getAsFile: () => item.file ?? null })),
});

describe('the composer takes images', () => {
  const file = new File([new Uint8Array([0x89, 0x50])], 'harbour.png', { type: 'image/png' });

  it('hands a pasted or dropped image to the popup, and leaves text pastes to the box', () => {
    const onImage = vi.fn();
    render(<Composer disabled={false} onExpand={() => undefined} onUseSelection={() => undefined} onImage={onImage} />);
    const box = screen.getByTestId('composer');
    fireEvent.paste(box, { clipboardData: carrying({ kind: 'string', type: 'text/plain' }) });
    expect(onImage).not.toHaveBeenCalled();
    fireEvent.paste(box, { clipboardData: carrying({ kind: 'string', type: 'text/html' }, { kind: 'file', type: 'image/png', file }) });
    expect(onImage).toHaveBeenCalledWith(file);
    const drop = Object.assign(new Event('drop', { bubbles: true, cancelable: true }), {
      dataTransfer: carrying({ kind: 'file', type: 'image/png', file }),
    });
    box.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(onImage).toHaveBeenCalledTimes(2);
  });

  it('takes nothing while it is disabled (no key, a job running)', () => {
    const onImage = vi.fn();
    render(<Composer disabled onExpand={() => undefined} onUseSelection={() => undefined} onImage={onImage} />);
    fireEvent.paste(screen.getByTestId('composer'), { clipboardData: carrying({ kind: 'file', type: 'image/png', file }) });
    expect(onImage).not.toHaveBeenCalled();
  });
});

describe('the image sent, as the popup shows it', () => {
  it('shows the thumbnail, the size and format of what was sent, and from what it was scaled', async () => {
    render(<SourceSummary source={SOURCE} />);
    expect((await screen.findByTestId('source-image-facts')).textContent).toBe('1024×768 JPEG, 147.0 KB (scaled down from 4000×3000)');
    expect(screen.getByTestId('source-thumb').getAttribute('src')).toBe(THUMB);
    expect(screen.queryByTestId('source-screenshot')).toBeNull();
    expect(screen.getByTestId('context-sent').textContent).toContain('page title');
  });

  it('says when a screenshot of the visible part was used, and names a pasted file', async () => {
    render(<SourceSummary source={{ ...SOURCE, image: { ...IMAGE, via: 'screenshot', originalWidth: 1024, originalHeight: 768 } }} />);
    expect((await screen.findByTestId('source-screenshot')).textContent).toContain(
      'A screenshot of the visible part of the image was used',
    );
    expect(screen.getByTestId('source-image-facts').textContent).toBe('1024×768 JPEG, 147.0 KB');
    cleanup();
    render(
      <SourceSummary source={{ text: '', originalLength: 0, shortened: false, image: { ...IMAGE, via: 'paste', name: 'harbour.png' } }} />,
    );
    expect((await screen.findByTestId('source-image-facts')).textContent).toContain('· harbour.png');
    expect(screen.queryByTestId('context-sent')).toBeNull();
  });

  it('history shows the source thumbnail with the prompt', () => {
    const job = {
      id: 'j1',
      status: 'ready',
      trigger: 'menu',
      createdAt: 1,
      updatedAt: 2,
      prompt: 'A harbour',
      edited: false,
      source: SOURCE,
    } as Job;
    const entry = { jobId: 'j1', createdAt: 1, images: [], size: 10, prompt: { id: 'j1', createdAt: 1, updatedAt: 2, job, size: 10 } };
    render(<HistoryItem entry={entry} onReuse={() => undefined} onDelete={() => undefined} />);
    expect(screen.getByTestId('history-source-thumb').getAttribute('src')).toBe(THUMB);
    expect(screen.getByText(/From an image on/)).toBeTruthy();
  });
});
