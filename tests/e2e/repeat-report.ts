// Pure part of `npm run test:e2e:repeat`: from vitest's JSON reports of N runs, how often each
// test failed. A file whose setup failed (no test ran) counts as a failure of the file.

export interface VitestJsonReport {
  testResults?: {
    name: string;
    status?: string;
    message?: string;
    assertionResults?: { fullName?: string; title?: string; status: string }[];
  }[];
}

export interface RepeatSummary {
  runs: number;
  /** Failures per test ("file > test"), most frequent first; tests that never failed are absent. */
  failures: [string, number][];
  /** How many distinct tests ran at least once. */
  tests: number;
}

export function summarize(reports: readonly (VitestJsonReport | null)[], root = ''): RepeatSummary {
  const failed = new Map<string, number>();
  const seen = new Set<string>();
  const bump = (name: string) => failed.set(name, (failed.get(name) ?? 0) + 1);
  for (const report of reports) {
    if (!report) {
      bump('(the run itself: no report)');
      continue;
    }
    for (const file of report.testResults ?? []) {
      const where = file.name.startsWith(root) ? file.name.slice(root.length).replace(/^\/+/, '') : file.name;
      const results = file.assertionResults ?? [];
      for (const result of results) {
        const name = `${where} > ${result.fullName ?? result.title ?? '?'}`;
        seen.add(name);
        if (result.status === 'failed') bump(name);
      }
      if (file.status === 'failed' && !results.some((r) => r.status === 'failed')) bump(`${where} (the file: ${file.message ?? 'failed'})`);
    }
  }
  return { runs: reports.length, tests: seen.size, failures: [...failed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) };
}

export function formatSummary(summary: RepeatSummary): string {
  const lines = [`e2e repeat: ${summary.runs} run(s) of ${summary.tests} test(s)`];
  if (summary.failures.length === 0) lines.push('no failures');
  for (const [name, count] of summary.failures) lines.push(`${String(count).padStart(3)}/${summary.runs} failed: ${name}`);
  return `${lines.join('\n')}\n`;
}
