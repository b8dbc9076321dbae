import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

type Sidebar = { sidebarAction?: { open(): Promise<void> } };

/** True in the side panel page (entrypoints/sidepanel marks its root). */
export const inSidePanel = () => document.documentElement.dataset.view === 'sidepanel';

export interface SidePanelOpener {
  /** Whether this browser has a side panel (Chrome) or sidebar (Firefox) to open, from here. */
  available: boolean;
  /** The window is known: a click can open it at once. */
  ready: boolean;
  failed: boolean;
  open: () => void;
}

/**
 * "Open in side panel": the same app in Chrome's side panel (or Firefox's sidebar), which stays
 * open while the person browses. Both browsers open it only straight from a click, so the
 * window id is looked up beforehand and `open` is the first thing the click does.
 */
export function useSidePanelOpener(): SidePanelOpener {
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

  const open = () => {
    const opening = sidebar?.open ? sidebar.open() : sidePanel.open({ windowId: windowId as number });
    opening.then(
      () => window.close(),
      () => setFailed(true),
    );
  };
  return {
    available: !inSidePanel() && Boolean(sidePanel?.open || sidebar?.open),
    ready: !sidePanel?.open || windowId !== undefined,
    failed,
    open,
  };
}
