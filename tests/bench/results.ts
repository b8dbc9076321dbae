// The shape of `bench-results.json`, the budget checks, and the table printed from them. Pure.
import { BUDGETS } from './budgets';
import type { ClockOffset } from './clock';
import type { InjectionReport } from './injection-probe';
import type { FileSize, LazyPart, PageWeight } from './sizes';
import type { Summary } from './stats';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  loadAverage: number[];
  chromium: string;
  node: string;
  playwright: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  parameters: {
    runs: number;
    warmup: number;
    opens: number;
    wakes: number;
    latencyMs: number;
    chunkDelayMs: number;
    chunkSize: number;
    replyChars: number;
  };
  /** 1. Extension script in a page, before and after the extension was used elsewhere; the probe's control must see > 0. */
  injected: { neverUsed: InjectionReport; afterUseElsewhere: InjectionReport; controlBytes: number };
  /** 2. */
  capture: FileSize;
  /**
   * 3. What popup.html loads by its imports (static), what the browser actually parsed (loaded), open → job rendered, and
   * the browser's floor: open → load of a static extension file (no code of ours), measured alongside. `later`: what it
   * loads on demand through dynamic imports (the open history, an image run), reported.
   */
  popup: {
    static: PageWeight;
    later: LazyPart[];
    loaded: { files: FileSize[]; bytes: number; gzip: number };
    openToJobRenderedMs: Summary;
    browserFloorMs: Summary;
  };
  /** 4. */
  triggerToRequestMs: Summary;
  /** 5. */
  tokenToScreenMs: Summary;
  /** 6. */
  timeToFirstToken: { extensionMs: Summary; sdkMs: Summary; serverLatencyMs: Summary; ratio: number };
  /** 7. */
  worker: { startToReadyMs: Summary; wakeToFirstAnswerMs: Summary; heapBytes: number };
  popupHeapBytes: number;
  /** 8. An image pasted into the popup → the request at the server (scaled down and encoded in the worker on the way), and what was sent. */
  imagePaste?: {
    pasted: { width: number; height: number };
    pasteToRequestMs: Summary;
    sent: { width: number; height: number; bytes: number };
  };
  /** 9. Per image backend: click → drawing request at the server; final image at the server → pixels in the popup. */
  imageBackends?: Record<string, { clickToRequestMs: Summary; finalToPixelsMs: Summary }>;
  /** Page clock − Node clock, measured before and after the streaming runs. */
  clock: ClockOffset[];
  budgets: BudgetCheck[];
}

export interface BudgetCheck {
  id: string;
  what: string;
  value: number;
  budget: number;
  unit: 'B' | 'ms' | 'ratio' | 'files';
  holds: boolean;
}

export function checkBudgets(r: Omit<BenchResults, 'budgets'>): BudgetCheck[] {
  const atMost = (id: string, what: string, value: number, budget: number, unit: BudgetCheck['unit']): BudgetCheck => ({
    id,
    what,
    value,
    budget,
    unit,
    holds: value <= budget,
  });
  return [
    atMost(
      '1',
      'extension script injected into an unused page',
      Math.max(r.injected.neverUsed.bytes, r.injected.afterUseElsewhere.bytes),
      BUDGETS.injectedBytes,
      'B',
    ),
    atMost('2', 'capture script, minified', r.capture.bytes, BUDGETS.captureMinifiedBytes, 'B'),
    atMost('3', 'popup JS loaded at open, gzipped', Math.max(r.popup.static.gzip, r.popup.loaded.gzip), BUDGETS.popupGzipBytes, 'B'),
    atMost('3', 'popup files carrying openai SDK code', popupSdkFiles(r).length, 0, 'files'),
    atMost('3', 'popup open → last job rendered, median', r.popup.openToJobRenderedMs.median, BUDGETS.popupOpenMs, 'ms'),
    atMost('4', 'trigger → request at the server, median', r.triggerToRequestMs.median, BUDGETS.triggerToRequestMs, 'ms'),
    atMost('5', 'token → screen, median', r.tokenToScreenMs.median, BUDGETS.tokenToScreenMs, 'ms'),
    atMost('6', 'overhead ratio, time to first token', r.timeToFirstToken.ratio, BUDGETS.overheadRatio, 'ratio'),
  ];
}

/** Files of the popup, loaded at open or later, that carry openai SDK code. */
const popupSdkFiles = (r: Pick<BenchResults, 'popup'>) => [...r.popup.static.sdkFiles, ...r.popup.later.flatMap((part) => part.sdkFiles)];
/** `chunks/HistoryContents-Ab12.js` → `HistoryContents`. */
const chunkName = (file: string) => (file.split('/').at(-1) ?? file).replace(/-[\w]{6,}\.m?js$|\.m?js$/, '');

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const timing = (s: Summary) => `${ms(s.median)} median · ${ms(s.p95)} p95 (n=${s.n})`;
const budget = (check: BudgetCheck | undefined) => {
  if (!check) return '—';
  const limit =
    check.unit === 'B' ? (check.budget === 0 ? '0 B' : kb(check.budget)) : check.unit === 'ms' ? ms(check.budget) : `${check.budget}`;
  return `≤ ${limit} ${check.holds ? '✅' : '❌ over'}`;
};

/** The results as a Markdown table (readable in a terminal, pasteable into the README). */
export function formatTable(r: BenchResults): string {
  const find = (what: string) => r.budgets.find((b) => b.what.startsWith(what));
  const injected = r.injected.neverUsed;
  const sdkFiles = popupSdkFiles(r);
  const rows: [string, string, string, string][] = [
    [
      '1',
      'Extension script injected into a page never used',
      `${injected.bytes} B in ${injected.scripts.length} scripts (after use elsewhere: ${r.injected.afterUseElsewhere.bytes} B)`,
      budget(find('extension script')),
    ],
    ['2', 'Capture script (minified / gzipped)', `${kb(r.capture.bytes)} / ${kb(r.capture.gzip)}`, budget(find('capture script'))],
    [
      '3',
      'Popup JS loaded at open (gzipped / minified)',
      `${kb(r.popup.loaded.gzip)} / ${kb(r.popup.loaded.bytes)} in ${r.popup.loaded.files.length} files`,
      budget(find('popup JS')),
    ],
    [
      '3',
      'Popup JS loaded later, on demand (gzipped)',
      r.popup.later.length ? r.popup.later.map((part) => `${chunkName(part.entry)} +${kb(part.gzip)}`).join('; ') : 'none',
      'reported',
    ],
    ['3', 'openai SDK code in the popup', sdkFiles.length ? sdkFiles.map((f) => f.file).join(', ') : 'none', budget(find('popup files'))],
    [
      '3',
      'Popup open → last job rendered',
      `${timing(r.popup.openToJobRenderedMs)}; any extension page here: ${ms(r.popup.browserFloorMs.median)} median`,
      budget(find('popup open')),
    ],
    ['4', 'Trigger → request at the server', timing(r.triggerToRequestMs), budget(find('trigger'))],
    ['5', 'Token → screen (server writes a chunk → text in the popup DOM)', timing(r.tokenToScreenMs), budget(find('token'))],
    [
      '6',
      'Overhead ratio: time to first token, extension ÷ SDK from Node',
      `${r.timeToFirstToken.ratio.toFixed(3)} (${ms(r.timeToFirstToken.extensionMs.median)} ÷ ${ms(r.timeToFirstToken.sdkMs.median)})`,
      budget(find('overhead')),
    ],
    ['7', 'Service worker start → listeners wired', timing(r.worker.startToReadyMs), 'reported'],
    ['7', 'Service worker stopped → first answer to the popup', timing(r.worker.wakeToFirstAnswerMs), 'reported'],
    ['7', 'JS heap after a job (worker / popup)', `${kb(r.worker.heapBytes)} / ${kb(r.popupHeapBytes)}`, 'reported'],
    ...(r.imagePaste
      ? ([
          [
            '8',
            `Image pasted into the popup → request at the server (${r.imagePaste.pasted.width}×${r.imagePaste.pasted.height} PNG in)`,
            `${timing(r.imagePaste.pasteToRequestMs)}; sent ${r.imagePaste.sent.width}×${r.imagePaste.sent.height} JPEG, ${kb(r.imagePaste.sent.bytes)}`,
            'reported',
          ],
        ] as [string, string, string, string][])
      : []),
    ...Object.entries(r.imageBackends ?? {}).flatMap(([kind, times]): [string, string, string, string][] => [
      ['9', `Image, ${kind}: click → drawing request at the server`, timing(times.clickToRequestMs), 'reported'],
      ['9', `Image, ${kind}: final image at the server → pixels in the popup`, timing(times.finalToPixelsMs), 'reported'],
    ]),
  ];
  const m = r.machine;
  const p = r.parameters;
  return [
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, load ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}; Chromium ${m.chromium} (headless); Node ${m.node}; playwright-core ${m.playwright}`,
    `Model (fake server on loopback): ${p.latencyMs} ms to first token, a ${p.chunkSize}-character chunk every ${p.chunkDelayMs} ms, ${p.replyChars}-character reply; ${p.runs} runs + ${p.warmup} warm-up, ${p.opens} popup opens, ${p.wakes} worker wakes`,
    '',
    '| # | measure | result | budget |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
