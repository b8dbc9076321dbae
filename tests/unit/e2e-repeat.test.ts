// `npm run test:e2e:repeat`: per-test failure counts from vitest's JSON reports of N runs.
import { describe, expect, it } from 'vitest';
import { formatSummary, summarize } from '../e2e/repeat-report';

const run = (failedInOptions: boolean, fileCrash = false) => ({
  testResults: [
    {
      name: '/repo/tests/e2e/options.e2e.ts',
      status: failedInOptions ? 'failed' : 'passed',
      assertionResults: [
        { fullName: 'options page saves', status: failedInOptions ? 'failed' : 'passed' },
        { fullName: 'options page tests', status: 'passed' },
      ],
    },
    {
      name: '/repo/tests/e2e/faults.e2e.ts',
      status: fileCrash ? 'failed' : 'passed',
      message: 'beforeAll timed out',
      assertionResults: [],
    },
  ],
});

describe('e2e repeat summary', () => {
  it('counts failures per test over the runs, most frequent first, and names a file that could not run', () => {
    const summary = summarize([run(true), run(false), run(true, true), null], '/repo');
    expect(summary).toEqual({
      runs: 4,
      tests: 2,
      failures: [
        ['tests/e2e/options.e2e.ts > options page saves', 2],
        ['(the run itself: no report)', 1],
        ['tests/e2e/faults.e2e.ts (the file: beforeAll timed out)', 1],
      ],
    });
    expect(formatSummary(summary)).toContain('  2/4 failed: tests/e2e/options.e2e.ts > options page saves');
  });

  it('says so when nothing failed', () => {
    expect(formatSummary(summarize([run(false), run(false)], '/repo'))).toBe('e2e repeat: 2 run(s) of 2 test(s)\nno failures\n');
  });
});
