// Guards the production builds (run after `npm run build`): what the manifest asks for, what
// ships, and that end-to-end test hooks never reach a production build.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = ['chrome-mv3', 'firefox-mv3'].map((name) => join(ROOT, '.output', name));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const ALL_SITES = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

describe.each(BUILDS)('production build %s', (dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('injects nothing into pages by itself: no manifest content scripts', () => {
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('asks for no host permission, and no all-sites one', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const permission of manifest.permissions ?? []) expect(ALL_SITES).not.toContain(permission);
  });

  it('asks only for the permissions the README justifies', () => {
    const sidePanel = dir.endsWith('firefox-mv3') ? [] : ['sidePanel'];
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', ...sidePanel, 'storage'].sort());
  });

  it('opens the same app in the side panel (Chrome) or sidebar (Firefox)', () => {
    if (dir.endsWith('firefox-mv3')) {
      expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    } else {
      expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    }
    expect(existsSync(join(dir, 'sidepanel.html'))).toBe(true);
  });

  it('contains no end-to-end test hook', () => {
    for (const file of files(dir).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(file, 'utf8'), file).not.toContain('__promptbrushE2E');
    }
  });

  it('ships the capture script small, without the polyfill', () => {
    const capture = join(dir, 'capture.js');
    expect(existsSync(capture)).toBe(true);
    const source = readFileSync(capture, 'utf8');
    expect(source.length).toBeLessThan(4096);
    expect(source).not.toContain('webextension-polyfill');
    expect(source).not.toMatch(/\bchrome\.runtime\b|\bbrowser\.runtime\b/);
  });

  it('ships a capture script that sends nothing by itself: its result goes back through executeScript only', () => {
    const source = readFileSync(join(dir, 'capture.js'), 'utf8');
    expect(source).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|postMessage|localStorage/);
  });

  it('does not expose the capture script to web pages', () => {
    const exposed = JSON.stringify(manifest.web_accessible_resources ?? []);
    expect(exposed).not.toContain('capture');
  });
});

describe('e2e build', () => {
  it('is the only one that may reach localhost without a gesture, and carries the hook', () => {
    const dir = join(ROOT, '.output/chrome-mv3-e2e');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain('__promptbrushE2E');
  });
});
