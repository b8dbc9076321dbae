// `npm run test:e2e:repeat -- N [vitest args…]`: runs the end-to-end suite (as `npm run test:e2e`)
// N times, one run after another, and prints per-test failure counts. Flaky = defect: a count
// above zero names the test to fix. Needs the builds, like `npm run test:e2e`. Node only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatSummary, summarize, type VitestJsonReport } from './repeat-report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const [count = '1', ...extra] = process.argv.slice(2);
const runs = Number(count);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run test:e2e:repeat -- N [vitest arguments]\n');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'promptbrush-e2e-repeat-'));
const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
const reports: (VitestJsonReport | null)[] = [];
for (let run = 1; run <= runs; run++) {
  const output = join(dir, `run-${run}.json`);
  process.stdout.write(`\n── run ${run} of ${runs} ──\n`);
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', 'vitest.e2e.config.ts', '--reporter=dot', '--reporter=json', `--outputFile.json=${output}`, ...extra],
    { cwd: ROOT, stdio: 'inherit' },
  );
  reports.push(existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as VitestJsonReport) : null);
  process.stdout.write(`run ${run}: exit ${result.status ?? result.signal} in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
rmSync(dir, { recursive: true, force: true });
const summary = summarize(reports, ROOT);
process.stdout.write(`\n${formatSummary(summary)}`);
process.exit(summary.failures.length === 0 ? 0 : 1);
