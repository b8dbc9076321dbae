// The context menu as data, and what a click on it means. Pure.
import type { TabCapture } from './job-runner';

export const MENU_ROOT_ID = 'promptbrush';

export interface MenuItem {
  id: string;
  title: string;
  contexts: ['selection'];
}

export function menuItems(): MenuItem[] {
  return [{ id: MENU_ROOT_ID, title: 'Image prompt from selection', contexts: ['selection'] }];
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
}

export function menuClickToCapture(info: MenuClick, tab: { id?: number } | undefined): TabCapture | null {
  if (info.menuItemId !== MENU_ROOT_ID) return null;
  if (tab?.id === undefined || tab.id < 0) return null;
  return {
    tabId: tab.id,
    ...(info.frameId !== undefined ? { frameId: info.frameId } : {}),
    ...(info.selectionText !== undefined ? { selectionText: info.selectionText } : {}),
    trigger: 'menu',
  };
}
