// The folder rule that keeps the house standing (docs/ARCHITECTURE.md): where a file lives says
// where it runs, and imports only go the allowed way. Each rule is checked on the real tree and on
// a small made-up tree that breaks it, so the check itself is known to fail when it should.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

type Tree = Map<string, string>;

function realTree(): Tree {
  const files = ['entrypoints', 'components', 'utils'].flatMap(sources);
  return new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
}

/** Every module specifier a file names: static, type-only, side-effect and dynamic imports. */
function specifiers(code: string): string[] {
  const found = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm);
  return [...found].map((match) => match[1] as string);
}

/** A relative specifier as a tree path (extension-less specifiers resolve to .ts, .tsx or index.ts). */
function resolveIn(tree: Tree, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), specifier));
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => tree.has(path)) ?? base;
}

/** Comments and string contents removed, so that a word in a comment or a message is not "use". */
function codeOnly(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

const inBackground = (file: string) => file.startsWith('utils/background/');
const mayImportBackground = (file: string) => inBackground(file) || file === 'entrypoints/background.ts';
const BROWSER_MODULES = /^(wxt\/browser|wxt\/utils\/storage|webextension-polyfill|idb)$/;
/** Platform APIs a pure module must not reach for (it takes what it needs as parameters). */
const PLATFORM_USE =
  /(?<![.\w$])(indexedDB|IDBKeyRange|navigator|BroadcastChannel|OffscreenCanvas|createImageBitmap|document|window|localStorage|sessionStorage)\b|(?<![.\w$])(chrome|browser)\.(?=\w)/;

/** Every broken rule in the tree, one line each: "file: what". */
function houseViolations(tree: Tree): string[] {
  const out: string[] = [];
  for (const [file, code] of tree) {
    for (const specifier of specifiers(code)) {
      const target = resolveIn(tree, file, specifier);
      if (target && inBackground(target) && !mayImportBackground(file)) {
        out.push(`${file}: imports ${target} (only the background may; pages talk to it by message)`);
      }
      if (/^openai(\/|$)/.test(specifier) && !inBackground(file)) out.push(`${file}: imports the openai SDK outside utils/background/`);
      if (file.startsWith('utils/') && target && /^(components|entrypoints)\//.test(target)) {
        out.push(`${file}: imports ${target} (utils/ imports nothing of the pages or entrypoints)`);
      }
      if (file.startsWith('components/') && target?.startsWith('entrypoints/')) out.push(`${file}: imports ${target} (an entrypoint)`);
    }
    if (file.startsWith('utils/') && !code.startsWith('// Browser glue')) {
      const browserImport = specifiers(code).find((specifier) => BROWSER_MODULES.test(specifier));
      if (browserImport) out.push(`${file}: imports ${browserImport} but its first line does not say "// Browser glue"`);
      const use = PLATFORM_USE.exec(codeOnly(code).replace(/^import .*$/gm, ''));
      if (use) out.push(`${file}: uses ${use[1] ?? use[2]} but its first line does not say "// Browser glue"`);
    }
  }
  return out;
}

describe('the house', () => {
  it('keeps every rule in the real tree', () => {
    expect(houseViolations(realTree())).toEqual([]);
  });

  it('has a background folder, and pages grouped by page', () => {
    const tree = realTree();
    for (const file of ['utils/background/wiring.ts', 'utils/background/handlers.ts', 'utils/background/job-runner.ts']) {
      expect(tree.has(file), file).toBe(true);
    }
    const flat = [...tree.keys()].filter((file) => /^components\/[^/]+$/.test(file));
    expect(flat, 'components/ holds folders by page, no loose files').toEqual([]);
  });

  const broken = (files: Record<string, string>) => houseViolations(new Map(Object.entries(files)));

  it('fails when a page imports utils/background/ (also type-only or dynamic)', () => {
    const tree = { 'utils/background/job-runner.ts': '// Browser glue: x\n', 'utils/job.ts': '// Pure.\n' };
    expect(broken({ ...tree, 'components/popup/A.tsx': "import { x } from '../../utils/background/job-runner';" })).toHaveLength(1);
    expect(broken({ ...tree, 'components/popup/A.tsx': "import type { X } from '../../utils/background/job-runner';" })).toHaveLength(1);
    expect(broken({ ...tree, 'components/popup/A.tsx': "const m = import('../../utils/background/job-runner');" })).toHaveLength(1);
    expect(broken({ ...tree, 'utils/source.ts': "// Pure.\nimport { x } from './background/job-runner';" })).toHaveLength(1);
    expect(broken({ ...tree, 'entrypoints/popup/main.tsx': "import '../../utils/background/job-runner';" })).toHaveLength(1);
    expect(broken({ ...tree, 'entrypoints/background.ts': "import { x } from '../utils/background/job-runner';" })).toEqual([]);
    expect(broken({ ...tree, 'components/popup/A.tsx': "import { x } from '../../utils/job';" })).toEqual([]);
  });

  it('fails when a module outside utils/background/ imports openai', () => {
    expect(broken({ 'utils/llm.ts': "// Browser glue: x\nimport OpenAI from 'openai';" })).toHaveLength(1);
    expect(broken({ 'components/popup/A.tsx': "import type { ChatCompletion } from 'openai/resources';" })).toHaveLength(1);
    expect(broken({ 'utils/background/model-client.ts': "// Background.\nimport OpenAI from 'openai';" })).toEqual([]);
  });

  it('fails when a module that does not say "Browser glue" reaches IndexedDB, navigator or browser storage', () => {
    expect(broken({ 'utils/history.ts': '// Pure.\nconst db = indexedDB.open("x");' })).toHaveLength(1);
    expect(broken({ 'utils/history.ts': "// Pure.\nimport { openDB } from 'idb';" })).toHaveLength(1);
    expect(broken({ 'utils/background/x.ts': '// Pure.\nexport const online = () => navigator.onLine;' })).toHaveLength(1);
    expect(broken({ 'utils/x.ts': "// Pure.\nimport { storage } from 'wxt/utils/storage';" })).toHaveLength(1);
    expect(broken({ 'utils/x.ts': '// Pure.\nchrome.storage.local.get("k");' })).toHaveLength(1);
    expect(broken({ 'utils/x.ts': '// Browser glue: the thing.\nconst db = indexedDB.open("x");' })).toEqual([]);
    // Words in comments and strings are not use; a parameter's property is not the global.
    expect(broken({ 'utils/x.ts': '// Pure.\n/** navigator.onLine where known */\nconst s = "window";\nf(win.document);' })).toEqual([]);
  });

  it('fails when utils/ imports a page or an entrypoint', () => {
    expect(broken({ 'utils/x.ts': "// Pure.\nimport { A } from '../components/popup/A';", 'components/popup/A.tsx': '' })).toHaveLength(1);
  });
});
