// One error type: PromptbrushError carries a row of the error table; errorRow makes a row of
// anything thrown; and no source throws a plain object or checks a caught value's shape.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorRow, PromptbrushError, unknownError } from '../../utils/errors';

describe('PromptbrushError', () => {
  it('is an Error carrying its row, and gives back a plain JSON-safe row', () => {
    const error = new PromptbrushError('rate-limited', 'Slow down.', { retryAfterSeconds: 3 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PromptbrushError');
    expect(error.message).toBe('Slow down.');
    expect(error.toJobError()).toEqual({ kind: 'rate-limited', detail: 'Slow down.', retryAfterSeconds: 3 });
    expect(JSON.parse(JSON.stringify(error.toJobError()))).toEqual(error.toJobError());
    expect(new PromptbrushError('missing-key').toJobError()).toStrictEqual({ kind: 'missing-key' });
  });

  it('round-trips a stored or received row', () => {
    const row = { kind: 'server', detail: 'Oops', retryAfterSeconds: 2 } as const;
    expect(PromptbrushError.of(row).toJobError()).toEqual(row);
  });
});

describe('errorRow', () => {
  const classify = () => ({ kind: 'offline' as const });

  it('keeps a PromptbrushError as its own row, without asking the classifier', () => {
    expect(errorRow(new PromptbrushError('quota', 'No credit.'), classify)).toEqual({ kind: 'quota', detail: 'No credit.' });
  });

  it('asks the classifier about everything else, plain objects included', () => {
    expect(errorRow(new TypeError('fetch failed'), classify)).toEqual({ kind: 'offline' });
    expect(errorRow({ kind: 'quota' }, classify)).toEqual({ kind: 'offline' });
  });

  it('unknownError keeps the message as the detail', () => {
    expect(unknownError(new Error('boom'))).toEqual({ kind: 'unknown', detail: 'boom' });
    expect(unknownError('')).toEqual({ kind: 'unknown' });
  });
});

describe('the house throws one error type', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((name) => {
      const path = join(ROOT, dir, name);
      if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
      return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
    });
  const files = [...sources('utils'), ...sources('components'), ...sources('entrypoints')];

  it('no source throws a plain object or checks a caught value for a `kind`', () => {
    const offenders = files.flatMap((file) => {
      const code = readFileSync(join(ROOT, file), 'utf8');
      return [/throw\s*\{/, /'kind' in /, /satisfies JobError/]
        .filter((pattern) => pattern.test(code))
        .map((pattern) => `${file}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });
});
