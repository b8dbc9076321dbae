import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

type Sidebar = { sidebarAction?: { open(): Promise<void> } };

/** True in the side panel page (entrypoints/sidepanel marks its root). */
export const inSidePanel = () => document.documentElement.dataset.view === 'sidepanel';

/**
 * "Open in side panel": the same app in Chrome's side panel (or Firefox's sidebar), which stays
 * open while the person browses. Both browsers open it only straight from a click, so the
 * window id is looked up beforehand and `open` is the first thing the click does.
 */
export function SidePanelButton() {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const sidebar = (browser as unknown as Sidebar).sidebarAction;
  const sidePanel = browser.sidePanel;
  useEffect(() => {
    if (sidePanel)
      browser.windows.getCurrent().then(
        (win) => setWindowId(win.id),
        () => undefined,
      );
  }, [sidePanel]);
  if (inSidePanel() || (!sidePanel?.open && !sidebar?.open)) return null;

  const open = () => {
    const opening = sidebar?.open ? sidebar.open() : sidePanel.open({ windowId: windowId as number });
    opening.then(
      () => window.close(),
      () => setFailed(true),
    );
  };

  return (
    <button type="button" class="link" onClick={open} disabled={!!sidePanel?.open && windowId === undefined}>
      {failed ? 'Side panel unavailable' : 'Open in side panel'}
    </button>
  );
}
