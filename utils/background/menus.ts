// The context menu as data, and what a click on it means. Pure.
// "Image prompt from selection" with one child per target, the person's default target first;
// on images (unless turned off in Settings), "Image prompt from this image" with the same children.

import { DEFAULT_TARGET, isTargetId, type TargetId, targetMenuEntries } from '../targets';
import type { TabCapture } from './job-runner';

export const MENU_ROOT_ID = 'promptbrush';
export const IMAGE_MENU_ROOT_ID = `${MENU_ROOT_ID}/image`;
type MenuContext = 'selection' | 'image';
/** Each source: its root item, its title, and the browser context it shows in. */
const SOURCES = [
  { root: MENU_ROOT_ID, title: 'Image prompt from selection', context: 'selection' },
  { root: IMAGE_MENU_ROOT_ID, title: 'Image prompt from this image', context: 'image' },
] as const;

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext];
  parentId?: string;
}

export function targetMenuId(target: TargetId, root: string = MENU_ROOT_ID): string {
  return `${root}/target/${target}`;
}

/** The menu's words: English by default; the background passes the person's language. */
export interface MenuWords {
  root: (context: MenuContext, english: string) => string;
  forTarget: (target: TargetId, english: string) => string;
  asDefault: (title: string) => string;
}

const ENGLISH: MenuWords = {
  root: (_, english) => english,
  forTarget: (_, english) => english,
  asDefault: (title) => `${title} (default)`,
};

export function menuItems(
  defaultTarget: TargetId = DEFAULT_TARGET,
  { images = false, words = ENGLISH }: { images?: boolean; words?: MenuWords } = {},
): MenuItem[] {
  return SOURCES.filter(({ context }) => context === 'selection' || images).flatMap(({ root, title, context }) => [
    { id: root, title: words.root(context, title), contexts: [context] } as MenuItem,
    ...targetMenuEntries(defaultTarget).map(({ target, title }, index): MenuItem => {
      const shown = words.forTarget(target, title);
      return { id: targetMenuId(target, root), parentId: root, title: index === 0 ? words.asDefault(shown) : shown, contexts: [context] };
    }),
  ]);
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
  /** On an image: its address (the image, not the link around it). */
  srcUrl?: string;
  mediaType?: string;
}

/**
 * The source and target a menu item stands for; a root (clickable where a browser shows no
 * children) means the default target.
 */
function menuTarget(menuItemId: string | number): { image: boolean; target: TargetId | 'default' } | null {
  if (typeof menuItemId !== 'string') return null;
  for (const { root, context } of SOURCES) {
    const image = context === 'image';
    if (menuItemId === root) return { image, target: 'default' };
    const prefix = `${root}/target/`;
    const target = menuItemId.startsWith(prefix) ? menuItemId.slice(prefix.length) : '';
    if (isTargetId(target)) return { image, target };
  }
  return null;
}

export function menuClickToCapture(info: MenuClick, tab: { id?: number } | undefined): TabCapture | null {
  const item = menuTarget(info.menuItemId);
  if (item === null) return null;
  if (tab?.id === undefined || tab.id < 0) return null;
  if (item.image && typeof info.srcUrl !== 'string') return null;
  return {
    tabId: tab.id,
    ...(info.frameId !== undefined ? { frameId: info.frameId } : {}),
    ...(item.image ? { srcUrl: info.srcUrl } : info.selectionText !== undefined ? { selectionText: info.selectionText } : {}),
    ...(item.target !== 'default' ? { choice: { target: item.target } } : {}),
    trigger: 'menu',
  };
}
