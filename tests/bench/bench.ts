// `npm run bench`: the production build in real headless Chromium against the fake OpenAI-compatible
// server on loopback. Prints a table of sizes and timings against the budgets of issue #8 and writes
// the same figures as JSON. Run by plain Node (which strips the types) with ./register-ts.mjs; see
// the README's "Performance" section. Every timing is a median of repeated runs after a warm-up.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import OpenAI from 'openai';
import type { BrowserContext, Page } from 'playwright-core';
import { PERF_MARKS } from '../../utils/perf-marks';
import { configure, launchBrowser, openComposer, ROOT, type Session } from '../e2e/harness';
import { startFakeA1111 } from '../fixtures/fake-a1111';
import { startFakeComfyUI } from '../fixtures/fake-comfyui';
import { DEFAULT_REPLY, type FakeOpenAI, preciseNow, startFakeOpenAI } from '../fixtures/fake-openai';
import { startPageServer } from '../fixtures/page-server';
import { attachToTarget, browserSession, evaluateIn, heapAfterGc, serviceWorkerTargetIds, stopServiceWorker } from './cdp';
import { type ClockOffset, measureClockOffset } from './clock';
import { imageBackendRuns } from './image-backends';
import { imagePasteRuns, PASTED } from './image-probe';
import { type InjectionReport, openProbedPage } from './injection-probe';
import { type BenchOptions, parseBenchOptions, usage } from './options';
import { instrumentPopup, readTrace, resetTrace, waitForNewPrompt } from './popup-probe';
import { type BenchResults, checkBudgets, formatTable, type Machine } from './results';
import { type FileSize, fileSize, lazyParts, pageWeight, total } from './sizes';
import { chunkScreenTimes, summarize } from './stats';

const BUILD = join(ROOT, '.output/chrome-mv3');
const MODEL = 'fake-chat-mini';
const DESCRIPTION = 'A lighthouse keeper climbing the stairs with a lantern while a storm rolls in over the cliffs at dusk.';

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setModel(server: FakeOpenAI, options: BenchOptions): void {
  server.chat = {
    ...server.chat,
    reply: DEFAULT_REPLY,
    firstChunkDelayMs: options.latencyMs,
    chunkDelayMs: options.chunkDelayMs,
    chunkSize: options.chunkSize,
  };
}

/** 1. A page the person reads and selects text on, without using the extension there. */
async function probeUnusedPage(context: BrowserContext, url: string): Promise<{ report: InjectionReport; controlBytes: number }> {
  const probed = await openProbedPage(context, url);
  try {
    await probed.page.locator('#first').selectText();
    await sleep(1000);
    const report = probed.report();
    const controlBytes = await probed.control();
    if (controlBytes <= 0) throw new Error('The injection probe saw no script in the isolated world it made itself: it cannot be trusted.');
    return { report, controlBytes };
  } finally {
    await probed.close();
  }
}

interface RunTimes {
  triggerToRequest: number;
  tokenToScreen: number[];
  timeToFirstToken: number;
  serverLatency: number;
}

/** 4–6. Types a description into the real popup and clicks "Write prompt", `warmup + runs` times. */
async function streamingRuns(popup: Page, server: FakeOpenAI, options: BenchOptions, clock: ClockOffset): Promise<RunTimes[]> {
  const write = popup.getByRole('button', { name: 'Write prompt', exact: true });
  const toNode = (pageTime: number) => pageTime - clock.offsetMs;
  const measured: RunTimes[] = [];
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const chunks: { text: string; t: number }[] = [];
    server.onChunk = (_index, text) => chunks.push({ text, t: preciseNow() });
    const requestsBefore = server.chatRequests().length;
    // As a person does: the composer shows by itself the first time, behind "New prompt" after.
    await (await openComposer(popup)).fill(DESCRIPTION);
    await resetTrace(popup);
    await write.click();
    await waitForNewPrompt(popup, DEFAULT_REPLY);
    const trace = await readTrace(popup);
    const click = trace.clicks.at(-1);
    const request = server.chatRequests()[requestsBefore];
    if (click === undefined || !request) throw new Error(`run ${run}: no click seen in the popup, or no request at the server`);
    const onScreen = chunkScreenTimes(
      chunks.map((c) => c.text),
      trace.samples.filter((s) => s.t >= click),
    );
    if (onScreen.some((t) => t === undefined) || chunks.length === 0)
      throw new Error(`run ${run}: some streamed text never showed in the popup`);
    if (run < options.warmup) continue;
    measured.push({
      triggerToRequest: request.receivedAt - toNode(click),
      tokenToScreen: chunks.map((chunk, i) => toNode(onScreen[i] as number) - chunk.t),
      timeToFirstToken: (onScreen[0] as number) - click,
      serverLatency: (chunks[0] as { t: number }).t - request.receivedAt,
    });
  }
  server.onChunk = undefined;
  return measured;
}

/** 6. The same model, called through the openai SDK directly from Node: call → first token. */
async function sdkTimeToFirstToken(server: FakeOpenAI, options: BenchOptions): Promise<number[]> {
  const client = new OpenAI({ apiKey: 'sk-bench', baseURL: server.baseUrl, maxRetries: 0 });
  const times: number[] = [];
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const start = preciseNow();
    const stream = await client.chat.completions.create({
      model: MODEL,
      stream: true,
      messages: [
        { role: 'system', content: 'You write image-generation prompts.' },
        { role: 'user', content: DESCRIPTION },
      ],
    });
    let first: number | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) {
        first = preciseNow();
        break;
      }
    }
    if (first === undefined) throw new Error('The SDK saw no token.');
    if (run >= options.warmup) times.push(first - start);
  }
  return times;
}

/**
 * 3. The popup opened afresh, `warmup + opens` times: navigation start → first render of the last
 * job. Each time, the browser's own floor is taken too: the same navigation to a static file of the
 * extension (its manifest), which runs no code of ours — what any extension page costs here.
 */
async function popupOpens(
  context: BrowserContext,
  extensionId: string,
  options: BenchOptions,
): Promise<{ popup: number[]; floor: number[] }> {
  const popup: number[] = [];
  const floor: number[] = [];
  for (let open = 0; open < options.warmup + options.opens; open++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, PERF_MARKS.jobRendered, {
      timeout: 10_000,
    });
    const startTime = (await handle.jsonValue()) as number;
    if ((await page.getByTestId('prompt').first().inputValue()) !== DEFAULT_REPLY) throw new Error('The popup did not show the last job.');
    await page.close();
    const plain = await context.newPage();
    await plain.goto(`chrome-extension://${extensionId}/manifest.json`, { waitUntil: 'load' });
    const loaded = await plain.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    await plain.close();
    if (open >= options.warmup) {
      popup.push(startTime);
      floor.push(loaded);
    }
  }
  return { popup, floor };
}

/** 3. The scripts the browser actually parsed while the popup opened, with their sizes on disk. */
async function popupLoadedScripts(context: BrowserContext, url: string, extensionId: string): Promise<FileSize[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const urls = new Set<string>();
  cdp.on('Debugger.scriptParsed', (event) => {
    if (event.url.startsWith(`chrome-extension://${extensionId}/`)) urls.add(event.url);
  });
  await cdp.send('Debugger.enable');
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, PERF_MARKS.jobRendered);
  await cdp.detach();
  await page.close();
  return [...urls].map((u) => fileSize(BUILD, new URL(u).pathname.slice(1)));
}

/** 7. Stops the service worker and wakes it with a message from the popup, `warmup + wakes` times. */
async function workerWakes(context: BrowserContext, popup: Page, extensionId: string, options: BenchOptions) {
  const session = await browserSession(context.browser());
  const wake: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < options.warmup + options.wakes; i++) {
    await stopServiceWorker(session, extensionId);
    const answerMs = await popup.evaluate(async () => {
      const start = performance.now();
      const reply = (await chrome.runtime.sendMessage({ type: 'getKeyStatus', payload: {} })) as { ok?: boolean } | undefined;
      if (!reply?.ok) throw new Error('The worker did not answer getKeyStatus.');
      return performance.now() - start;
    });
    const [targetId] = await serviceWorkerTargetIds(session, extensionId);
    if (!targetId) throw new Error('No service worker after the wake-up.');
    const target = await attachToTarget(session, targetId);
    const readyMs = await evaluateIn<number | null>(
      target,
      `performance.getEntriesByName(${JSON.stringify(PERF_MARKS.workerReady)}, 'mark')[0]?.startTime ?? null`,
    );
    await target.detach();
    if (readyMs === null) throw new Error('The worker has no ready mark.');
    if (i >= options.warmup) {
      wake.push(answerMs);
      ready.push(readyMs);
    }
  }
  await session.detach();
  return { wake, ready };
}

async function heaps(context: BrowserContext, popup: Page, extensionId: string): Promise<{ worker: number; popup: number }> {
  const pageSession = await context.newCDPSession(popup);
  const popupBytes = await heapAfterGc((method) => pageSession.send(method as 'Runtime.getHeapUsage'));
  await pageSession.detach();
  const session = await browserSession(context.browser());
  const [targetId] = await serviceWorkerTargetIds(session, extensionId);
  if (!targetId) throw new Error('No service worker.');
  const target = await attachToTarget(session, targetId);
  const workerBytes = await heapAfterGc((method) => target.call(method));
  await target.detach();
  await session.detach();
  return { worker: workerBytes, popup: popupBytes };
}

function machine(chromium: string): Machine {
  const cpuList = cpus();
  const playwright = JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')) as { version: string };
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    loadAverage: loadavg(),
    chromium,
    node: process.versions.node,
    playwright: playwright.version,
  };
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const capture = fileSize(BUILD, 'capture.js');
  const staticPopup = pageWeight(BUILD, 'popup.html');
  const laterPopup = lazyParts(BUILD, 'popup.html');
  const startMachine = machine('?');

  const [server, pages, a1111, comfyui] = await Promise.all([startFakeOpenAI(), startPageServer(), startFakeA1111(), startFakeComfyUI()]);
  const profileDir = mkdtempSync(join(tmpdir(), 'promptbrush-bench-'));
  const { context, worker, extensionId } = await launchBrowser(profileDir, BUILD);
  try {
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    log('1. a page where the extension was never used');
    const neverUsed = await probeUnusedPage(context, pages.url('article.html'));

    // The settings and key the options page would save (harness.configure needs only these two).
    await configure({ worker, server } as Pick<Session, 'worker' | 'server'> as Session, { chatModel: MODEL });
    setModel(server, options);

    log(`4–6. ${options.warmup} + ${options.runs} prompts written through the popup`);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 440, height: 640 });
    await popup.goto(popupUrl);
    await instrumentPopup(popup);
    const clockBefore = await measureClockOffset(popup);
    const runs = await streamingRuns(popup, server, options, clockBefore);
    const clockAfter = await measureClockOffset(popup);

    log(`8. ${options.warmup} + 10 images pasted into the popup`);
    const images = await imagePasteRuns(popup, server, 10, options.warmup);

    log('7. heaps after a job');
    const heap = await heaps(context, popup, extensionId);

    log('1. a page opened after the extension was used elsewhere');
    const afterUse = await probeUnusedPage(context, pages.url('article.html'));

    log(`3. the popup opened ${options.warmup} + ${options.opens} times`);
    const loadedFiles = await popupLoadedScripts(context, popupUrl, extensionId);
    const opens = await popupOpens(context, extensionId, options);

    log(`7. the service worker stopped and woken ${options.warmup} + ${options.wakes} times`);
    const wakes = await workerWakes(context, popup, extensionId, options);

    // Ten images per backend are enough to see the overhead; each one is also kept in history.
    const imageRuns = { warmup: options.warmup, runs: Math.min(options.runs, 10) };
    log(`9. ${imageRuns.warmup} + ${imageRuns.runs} images per backend, against the fakes`);
    const imageBackends = await imageBackendRuns(
      popup,
      worker,
      { openai: server, a1111, comfyui },
      imageRuns,
      await measureClockOffset(popup),
    );

    log(`6. ${options.warmup} + ${options.runs} streams through the openai SDK from Node`);
    const sdk = await sdkTimeToFirstToken(server, options);

    const extensionTtft = summarize(runs.map((r) => r.timeToFirstToken));
    const sdkTtft = summarize(sdk);
    const partial: Omit<BenchResults, 'budgets'> = {
      date: new Date().toISOString(),
      machine: { ...startMachine, chromium: context.browser()?.version() ?? 'unknown' },
      parameters: {
        runs: options.runs,
        warmup: options.warmup,
        opens: options.opens,
        wakes: options.wakes,
        latencyMs: options.latencyMs,
        chunkDelayMs: options.chunkDelayMs,
        chunkSize: options.chunkSize,
        replyChars: DEFAULT_REPLY.length,
      },
      injected: {
        neverUsed: neverUsed.report,
        afterUseElsewhere: afterUse.report,
        controlBytes: Math.min(neverUsed.controlBytes, afterUse.controlBytes),
      },
      capture,
      popup: {
        static: staticPopup,
        later: laterPopup,
        loaded: { files: loadedFiles, ...total(loadedFiles) },
        openToJobRenderedMs: summarize(opens.popup),
        browserFloorMs: summarize(opens.floor),
      },
      triggerToRequestMs: summarize(runs.map((r) => r.triggerToRequest)),
      tokenToScreenMs: summarize(runs.flatMap((r) => r.tokenToScreen)),
      timeToFirstToken: {
        extensionMs: extensionTtft,
        sdkMs: sdkTtft,
        serverLatencyMs: summarize(runs.map((r) => r.serverLatency)),
        ratio: extensionTtft.median / sdkTtft.median,
      },
      worker: { startToReadyMs: summarize(wakes.ready), wakeToFirstAnswerMs: summarize(wakes.wake), heapBytes: heap.worker },
      popupHeapBytes: heap.popup,
      imagePaste: { pasted: PASTED, pasteToRequestMs: summarize(images.pasteToRequestMs), sent: images.sent },
      imageBackends,
      clock: [clockBefore, clockAfter],
    };
    const results: BenchResults = { ...partial, budgets: checkBudgets(partial) };
    const out = resolve(process.cwd(), options.out);
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\n${formatTable(results)}\n\nFigures written to ${out}\n`);
    const over = results.budgets.filter((b) => !b.holds);
    if (over.length)
      process.stdout.write(`Over budget: ${over.map((b) => `${b.what} (${b.value.toFixed(2)} > ${b.budget})`).join('; ')}\n`);
  } finally {
    await context.close().catch(() => undefined);
    await Promise.all([server.close(), pages.close(), a1111.close(), comfyui.close()]);
    rmSync(profileDir, { recursive: true, force: true });
  }
}

await main();
