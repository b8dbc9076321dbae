import { describe, expect, it } from 'vitest';
import { MENU_ROOT_ID, menuClickToCapture, menuItems, targetMenuId } from '../../utils/background/menus';
import { TARGETS } from '../../utils/targets';

describe('context menu', () => {
  it('has a parent item and one child per target, the default target first', () => {
    const items = menuItems('midjourney');
    expect(items[0]).toEqual({ id: MENU_ROOT_ID, title: 'Image prompt from selection', contexts: ['selection'] });
    const children = items.slice(1);
    expect(children).toHaveLength(TARGETS.length);
    expect(children.every((item) => item.parentId === MENU_ROOT_ID && item.contexts[0] === 'selection')).toBe(true);
    expect(children[0]).toMatchObject({ id: targetMenuId('midjourney') });
    expect(children[0]?.title).toMatch(/\(default\)$/);
    expect(new Set(children.map((item) => item.id)).size).toBe(TARGETS.length);
  });

  it('a child click asks for that target; the root means the default', () => {
    const tab = { id: 7 };
    expect(menuClickToCapture({ menuItemId: targetMenuId('flux'), selectionText: 'x', frameId: 2 }, tab)).toEqual({
      tabId: 7,
      frameId: 2,
      selectionText: 'x',
      choice: { target: 'flux' },
      trigger: 'menu',
    });
    expect(menuClickToCapture({ menuItemId: MENU_ROOT_ID }, tab)).toEqual({ tabId: 7, trigger: 'menu' });
  });

  it('ignores items that are not its own, unknown targets and clicks outside a tab', () => {
    expect(menuClickToCapture({ menuItemId: 'other-extension-item' }, { id: 1 })).toBeNull();
    expect(menuClickToCapture({ menuItemId: `${MENU_ROOT_ID}/target/dall-e-9` }, { id: 1 })).toBeNull();
    expect(menuClickToCapture({ menuItemId: targetMenuId('flux') }, undefined)).toBeNull();
    expect(menuClickToCapture({ menuItemId: targetMenuId('flux') }, { id: -1 })).toBeNull();
  });
});
