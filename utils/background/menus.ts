// The context menu as data, and what a click on it means. Pure.
// "Image prompt from selection" with one child per target, the person's default target first.

import { DEFAULT_TARGET, isTargetId, type TargetId, targetMenuEntries } from '../targets';
import type { TabCapture } from './job-runner';

export const MENU_ROOT_ID = 'promptbrush';
const TARGET_PREFIX = `${MENU_ROOT_ID}/target/`;

export interface MenuItem {
  id: string;
  title: string;
  contexts: ['selection'];
  parentId?: string;
}

export function targetMenuId(target: TargetId): string {
  return `${TARGET_PREFIX}${target}`;
}

/** The menu's words: English by default; the background passes the person's language. */
export interface MenuWords {
  root: string;
  forTarget: (target: TargetId, english: string) => string;
  asDefault: (title: string) => string;
}

const ENGLISH: MenuWords = {
  root: 'Image prompt from selection',
  forTarget: (_, english) => english,
  asDefault: (title) => `${title} (default)`,
};

export function menuItems(defaultTarget: TargetId = DEFAULT_TARGET, words: MenuWords = ENGLISH): MenuItem[] {
  const children = targetMenuEntries(defaultTarget).map(
    ({ target, title }, index): MenuItem => ({
      id: targetMenuId(target),
      parentId: MENU_ROOT_ID,
      title: index === 0 ? words.asDefault(words.forTarget(target, title)) : words.forTarget(target, title),
      contexts: ['selection'],
    }),
  );
  return [{ id: MENU_ROOT_ID, title: words.root, contexts: ['selection'] }, ...children];
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
}

/** The target a menu item stands for; the root (clickable where a browser shows no children) means the default. */
function menuTarget(menuItemId: string | number): TargetId | 'default' | null {
  if (menuItemId === MENU_ROOT_ID) return 'default';
  if (typeof menuItemId !== 'string' || !menuItemId.startsWith(TARGET_PREFIX)) return null;
  const target = menuItemId.slice(TARGET_PREFIX.length);
  return isTargetId(target) ? target : null;
}

export function menuClickToCapture(info: MenuClick, tab: { id?: number } | undefined): TabCapture | null {
  const target = menuTarget(info.menuItemId);
  if (target === null) return null;
  if (tab?.id === undefined || tab.id < 0) return null;
  return {
    tabId: tab.id,
    ...(info.frameId !== undefined ? { frameId: info.frameId } : {}),
    ...(info.selectionText !== undefined ? { selectionText: info.selectionText } : {}),
    ...(target !== 'default' ? { choice: { target } } : {}),
    trigger: 'menu',
  };
}
