// Convention tests that keep the house standing (STYLE 8).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../utils/background/handlers';
import { TARGET_WRITING, targetWriting } from '../../utils/background/target-writing';
import { ERROR_KINDS } from '../../utils/error-kinds';
import { MESSAGE_TYPES, VALIDATORS } from '../../utils/protocol';
import { SETTINGS_FIELDS } from '../../utils/settings-fields';
import { TARGETS } from '../../utils/targets';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

const PROJECT_SOURCES = new Set([...sources('utils'), ...sources('components'), ...sources('entrypoints')]);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const BROWSER_IMPORT = /from ['"](wxt\/browser|wxt\/utils\/storage|webextension-polyfill)['"]/;

/**
 * Every project file the popup, options and components import (statically or not), transitively;
 * with `typesToo`, also through `import type`, which the build erases.
 */
function reachableFromUi(typesToo = true): Set<string> {
  const uiFiles = [...sources('components'), ...sources('entrypoints/popup'), ...sources('entrypoints/options')];
  const reachable = new Set<string>();
  const visit = (file: string) => {
    if (reachable.has(file)) return;
    reachable.add(file);
    const code = typesToo ? read(file) : read(file).replace(/^import type [^;]+;/gm, '');
    for (const match of code.matchAll(/(?:from|import\s*\(?)\s*['"](\.[^'"]+)['"]/g)) {
      const base = join(file, '..', match[1] as string);
      const next = ['.ts', '.tsx'].map((ext) => relative(ROOT, join(ROOT, base + ext))).find((f) => PROJECT_SOURCES.has(f));
      if (next) visit(next);
    }
  };
  for (const file of uiFiles) visit(file);
  return reachable;
}

describe('conventions', () => {
  it('every message has a validator and a handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...MESSAGE_TYPES].sort());
    expect(Object.keys(VALIDATORS).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it('every error kind has a title, message and action', () => {
    for (const [kind, info] of Object.entries(ERROR_KINDS)) {
      expect(info.title, kind).not.toBe('');
      expect(info.message.length, kind).toBeGreaterThan(20);
    }
  });

  it('every settings field a Fix button can lead to exists in the options page', () => {
    const ui = sources('components')
      .map((file) => read(file))
      .join('\n');
    for (const field of Object.keys(SETTINGS_FIELDS)) expect(ui, field).toContain(`id="${field}"`);
    for (const [kind, info] of Object.entries(ERROR_KINDS)) {
      if ('field' in info) expect(Object.keys(SETTINGS_FIELDS), kind).toContain(info.field);
    }
  });

  it('a utils/ module that touches browser APIs says so on its first line', () => {
    for (const file of sources('utils')) {
      const text = read(file);
      if (BROWSER_IMPORT.test(text)) expect(text.split('\n')[0], file).toMatch(/^\/\/ Browser glue/);
    }
  });

  it('history has one owner: only utils/history-store.ts opens its database; only the background records into it', () => {
    const owner = 'utils/history-store.ts';
    const recording = /import [^;]*\b(recordPrompt|addImage|keepRunImage|putTransientBytes|clearTransientBytes|adoptImage)\b[^;]* from/;
    for (const file of PROJECT_SOURCES) {
      if (file === owner) continue;
      const text = read(file);
      expect(text, file).not.toMatch(/from ['"]idb['"]/);
      // The older version's image database is opened by its mover alone, to empty and delete it.
      if (file !== 'utils/background/legacy-images.ts') expect(text, file).not.toMatch(/indexedDB\.(open|deleteDatabase)/);
      if (!file.startsWith('utils/background/') && file !== 'entrypoints/background.ts') expect(text, file).not.toMatch(recording);
    }
  });

  it('only the background reads the API key', () => {
    const allowed = new Set([
      'utils/background/key-store.ts',
      'utils/background/handlers.ts',
      'utils/background/job-runner.ts',
      'utils/background/image-runner.ts',
    ]);
    for (const file of [...sources('utils'), ...sources('components'), ...sources('entrypoints')]) {
      if (allowed.has(file)) continue;
      expect(read(file), file).not.toMatch(/key-store/);
    }
  });

  it('the openai SDK stays out of the popup, options and components', () => {
    for (const file of reachableFromUi()) expect(read(file), file).not.toMatch(/from ['"]openai['"]/);
  });

  it('every target has its writing row: instructions, answer shape and post-processor', () => {
    expect(Object.keys(TARGET_WRITING).sort()).toEqual(TARGETS.map((target) => target.id).sort());
    for (const { id } of TARGETS) {
      const writing = targetWriting(id);
      expect(writing.instructions.length, id).toBeGreaterThan(0);
      expect(writing.answerShape, id).not.toBe('');
      expect(typeof writing.finish, id).toBe('function');
    }
  });

  it('the post-processors stay out of the popup, options and components (the background alone runs them)', () => {
    const backgroundOnly = [
      'utils/background/target-writing.ts',
      'utils/background/target-finishers.ts',
      'utils/background/answer-cleanup.ts',
      'utils/background/midjourney-params.ts',
      'utils/background/sd-prompt.ts',
      'utils/background/variations.ts',
      'utils/background/craft-answer.ts',
    ];
    for (const file of backgroundOnly) expect(PROJECT_SOURCES.has(file), file).toBe(true);
    const reachable = reachableFromUi(false);
    expect(reachable.has('utils/targets.ts')).toBe(true);
    for (const file of backgroundOnly) expect(reachable.has(file), `${file} is imported by the UI`).toBe(false);
  });

  it('no HTML sinks: page text and model output are rendered as text', () => {
    for (const file of [...sources('utils'), ...sources('components'), ...sources('entrypoints')]) {
      expect(read(file), file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
    }
  });
});
