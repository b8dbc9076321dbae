// Sizes read from a production build on disk: the capture script, every script a page of the
// extension loads when it opens (its HTML's module scripts and preloads, and their static
// imports, transitively), and the parts it loads later, on demand (its dynamic `import()`s).
// Deterministic, so tests can assert budgets on them. No browser.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  /** Path relative to the build directory, with forward slashes. */
  file: string;
  bytes: number;
  gzip: number;
}

export const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

export function fileSize(buildDir: string, file: string): FileSize {
  const data = readFileSync(join(buildDir, file));
  return { file, bytes: data.length, gzip: gzipSize(data) };
}

export function total(files: readonly FileSize[]): { bytes: number; gzip: number } {
  return files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }), { bytes: 0, gzip: 0 });
}

const HTML_SCRIPT = /<script\b[^>]*\bsrc=["']([^"']+)["']/g;
const HTML_PRELOAD =
  /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']|<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']modulepreload["']/g;
// Static `import … from "x"`, `import "x"` and `export … from "x"` at the start of a statement (bundlers
// hoist them to the top of a chunk); not `import("x")`, which loads later, nor such text inside a string.
const STATIC_IMPORT = /(?:^|[;\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'`])([^"'`\n]+)\1/g;
// `import("x")` with a literal path: a chunk fetched when the code runs it, not when the page opens.
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])([^"'`\n]+)\1\s*\)/g;

/** Resolves a script's URL path (`/x.js`, `./x.js`, `../x.js`) as the page would, relative to the build directory. */
function resolveIn(buildDir: string, fromFile: string, specifier: string): string | undefined {
  if (!/^\.{0,2}\/[^?#]*\.m?js$/.test(specifier)) return undefined;
  const absolute = specifier.startsWith('/') ? join(buildDir, specifier) : resolve(dirname(join(buildDir, fromFile)), specifier);
  const file = relative(buildDir, absolute).split('\\').join('/');
  return file.startsWith('..') ? undefined : file;
}

/** The scripts `entries` (paths relative to the build directory) load, with their static imports, transitively, in load order. */
export function importGraph(buildDir: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (file: string | undefined, loadedBy: string) => {
    if (!file || seen.has(file)) return;
    seen.add(file);
    if (!existsSync(join(buildDir, file))) throw new Error(`${loadedBy} loads ${file}, which the build does not contain.`);
    order.push(file);
    for (const match of readFileSync(join(buildDir, file), 'utf8').matchAll(STATIC_IMPORT))
      visit(resolveIn(buildDir, file, match[2] as string), file);
  };
  for (const entry of entries) visit(entry, 'the caller');
  return order;
}

/** The chunks that scripts of the build import dynamically (`import("./x.js")`), in order of appearance. */
export function dynamicImports(buildDir: string, files: readonly string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join(buildDir, file), 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const target = resolveIn(buildDir, file, match[2] as string);
      if (target) found.add(target);
    }
  }
  return [...found];
}

/** Every script a page loads when it opens, from its HTML file (e.g. `popup.html`), in load order. */
export function pageScripts(buildDir: string, htmlFile: string): string[] {
  const html = readFileSync(join(buildDir, htmlFile), 'utf8');
  const specifiers = [...html.matchAll(HTML_SCRIPT)].map((m) => m[1] as string);
  for (const match of html.matchAll(HTML_PRELOAD)) specifiers.push((match[1] ?? match[2]) as string);
  const entries = specifiers.map((specifier) => resolveIn(buildDir, htmlFile, specifier)).filter((file) => file !== undefined);
  return importGraph(buildDir, entries);
}

/**
 * Strings that come with the openai SDK: its platform headers, its header for the organisation,
 * the environment variable it reads and its browser opt-in option (which only utils/llm.ts, the
 * SDK's one caller, names). A built file containing any of them carries SDK code. The size test
 * checks that the background's scripts, which do use the SDK, contain them all.
 */
export const SDK_MARKERS = ['X-Stainless-', 'dangerouslyAllowBrowser', 'OPENAI_API_KEY', 'OpenAI-Organization'] as const;

export function sdkMarkersIn(text: string): string[] {
  const lower = text.toLowerCase();
  return SDK_MARKERS.filter((marker) => lower.includes(marker.toLowerCase()));
}

export interface PageWeight {
  files: FileSize[];
  bytes: number;
  gzip: number;
  /** Files that contain openai SDK code, with the markers found. */
  sdkFiles: { file: string; markers: string[] }[];
}

/** Sizes and SDK content of a list of scripts. */
export function weigh(buildDir: string, scripts: readonly string[]): PageWeight {
  const files = scripts.map((file) => fileSize(buildDir, file));
  const sdkFiles = files
    .map(({ file }) => ({ file, markers: sdkMarkersIn(readFileSync(join(buildDir, file), 'utf8')) }))
    .filter((f) => f.markers.length > 0);
  return { files, ...total(files), sdkFiles };
}

export const pageWeight = (buildDir: string, htmlFile: string): PageWeight => weigh(buildDir, pageScripts(buildDir, htmlFile));

export interface LazyPart extends PageWeight {
  /** The chunk a dynamic `import()` names; `files` are the scripts it adds to what is already loaded. */
  entry: string;
}

/**
 * What a page loads later, on demand: one part per dynamic `import()` reachable from what it loads
 * at open (and from those parts in turn), each weighed by the scripts it adds to those loaded at open.
 */
export function lazyParts(buildDir: string, htmlFile: string): LazyPart[] {
  const atOpen = new Set(pageScripts(buildDir, htmlFile));
  const parts: LazyPart[] = [];
  const queue = dynamicImports(buildDir, [...atOpen]);
  const seen = new Set(queue);
  while (queue.length > 0) {
    const entry = queue.shift() as string;
    if (atOpen.has(entry)) continue;
    const graph = importGraph(buildDir, [entry]);
    parts.push({
      entry,
      ...weigh(
        buildDir,
        graph.filter((file) => !atOpen.has(file)),
      ),
    });
    for (const next of dynamicImports(buildDir, graph)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return parts;
}
