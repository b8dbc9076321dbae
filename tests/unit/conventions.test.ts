// Convention tests that keep the house standing (STYLE 8). The folder rule (who may import
// whom, the openai SDK, what may touch browser APIs) is in house.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../utils/background/handlers';
import { TARGET_WRITING, targetWriting } from '../../utils/background/target-writing';
import { ERROR_KINDS } from '../../utils/error-kinds';
import { VALIDATORS } from '../../utils/protocol';
import { SETTINGS_FIELDS } from '../../utils/settings-fields';
import { TARGETS } from '../../utils/targets';
import { tableGaps } from './protocol-messages';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('conventions', () => {
  it('every message of ProtocolMap has a validator and a handler (the list is exhaustive by type: protocol-messages.ts)', () => {
    expect(tableGaps(handlers)).toEqual({ missing: [], extra: [] });
    expect(tableGaps(VALIDATORS)).toEqual({ missing: [], extra: [] });
  });

  it('…and that check fails when a handler is missing (a made-up broken table)', () => {
    const { reuseJob: _dropped, ...broken } = handlers;
    expect(tableGaps(broken).missing).toEqual(['reuseJob']);
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

  it("settings are written by the background's one writer only, by patches", () => {
    const writer = 'utils/background/settings-writer.ts';
    expect(read(writer)).toMatch(/settingsWriter\(settingsItem\)/);
    for (const file of [...sources('utils'), ...sources('components'), ...sources('entrypoints')]) {
      if (file !== writer)
        expect(read(file), file).not.toMatch(
          /settingsItem\.(setValue|removeValue|setMeta|removeMeta)|settingsWriter\(settingsItem|saveSettings/,
        );
      // One key holds the settings, named once.
      if (file !== 'utils/settings-store.ts') expect(read(file), file).not.toMatch(/local:settings/);
    }
  });

  it('history has one owner: only utils/history-store.ts opens its database; only the background records into it', () => {
    const owner = 'utils/history-store.ts';
    const recording =
      /import [^;]*\b(recordPrompt|addImage|keepRunImage|putTransientBytes|clearTransientBytes|adoptImage|putSourceImage)\b[^;]* from/;
    for (const file of [...sources('utils'), ...sources('components'), ...sources('entrypoints')]) {
      if (file === owner) continue;
      const text = read(file);
      expect(text, file).not.toMatch(/from ['"]idb['"]/);
      // The older version's image database is opened by its mover alone, to empty and delete it.
      if (file !== 'utils/background/legacy-images.ts') expect(text, file).not.toMatch(/indexedDB\.(open|deleteDatabase)/);
      if (!file.startsWith('utils/background/') && file !== 'entrypoints/background.ts') expect(text, file).not.toMatch(recording);
    }
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

  it('no HTML sinks: page text and model output are rendered as text', () => {
    for (const file of [...sources('utils'), ...sources('components'), ...sources('entrypoints')]) {
      expect(read(file), file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
    }
  });
});
