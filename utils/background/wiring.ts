// Browser glue: the background's listeners — context menu, keyboard shortcut, messages, badge
// and recovery after the worker was stopped. entrypoints/background.ts only calls wireBackground.
import { browser } from 'wxt/browser';
import { capsFromSettings, isRecordable } from '../history';
import { enforceHistoryCaps, recordPrompt } from '../history-store';
import { keyPart, t } from '../i18n';
import { isRunning, markInterrupted } from '../job';
import { watchJob } from '../job-item';
import { CAPTURE_COMMAND } from '../manifest';
import { listen } from '../messaging';
import { isTrustedSender, JOB_WATCH_PORT, type SenderInfo } from '../protocol';
import { validateSettings } from '../settings';
import { badgeFor } from './badge';
import { classifyError } from './classify-error';
import { followEndpointWithHostAccess } from './endpoint-access';
import { handlers } from './handlers';
import { recoverImageRun } from './image-runner';
import { startFromTab, type TabCapture } from './job-runner';
import { mutateJob } from './job-store';
import { moveLegacyImages } from './legacy-images';
import { type MenuWords, menuClickToCapture, menuItems } from './menus';
import { loadMigratedSettings, settingsItem } from './settings-item';
import { restrictStorageToExtension } from './storage-access';

/** The context menu in the person's language (public/_locales). */
function menuWords(): MenuWords {
  return {
    root: (context) => (context === 'image' ? t('menu_root_image') : t('menu_root')),
    forTarget: (target) => t(`menu_for_${keyPart(target)}`),
    asDefault: (title) => t('menu_default', title),
  };
}

/** (Re)creates the context menu, the person's default target first (and the image entry unless it is off). */
async function createMenus(): Promise<void> {
  const { target, imageSource } = await loadMigratedSettings();
  await browser.contextMenus.removeAll();
  for (const item of menuItems(target, { images: imageSource, words: menuWords() })) browser.contextMenus.create(item);
}

/** Keeps the menu in step with the default target chosen in the popup or options, and the image switch. */
function followDefaultTargetWithMenu(): void {
  let shown: string | undefined;
  settingsItem.watch((settings) => {
    const { target, imageSource } = validateSettings(settings);
    const key = `${target}|${imageSource}`;
    if (key === shown) return;
    shown = key;
    void createMenus();
  });
}

/** Opens the popup where the browser allows it; the badge tells the story where it does not. */
function openPopup(): void {
  browser.action.openPopup?.().catch(() => undefined);
}

/** The context menu's click handler (also driven by the end-to-end test hook). */
export function onMenuClick(info: Parameters<typeof menuClickToCapture>[0], tab?: { id?: number }): Promise<string> | undefined {
  const capture = menuClickToCapture(info, tab);
  if (!capture) return undefined;
  openPopup();
  return startFromTab(capture);
}

/** The keyboard shortcut's handler (also driven by the end-to-end test hook). */
export function onCommand(command: string, tab?: { id?: number }): void {
  if (command !== CAPTURE_COMMAND || tab?.id === undefined) return;
  openPopup();
  void startFromTab({ tabId: tab.id, trigger: 'shortcut' } satisfies TabCapture);
}

function followJobWithBadge(): void {
  let shown = '';
  const show = (job: Parameters<typeof badgeFor>[0]) => {
    const badge = badgeFor(job);
    const key = `${badge.text}|${badge.color}`;
    if (key === shown) return;
    shown = key;
    void browser.action.setBadgeText({ text: badge.text });
    void browser.action.setBadgeBackgroundColor({ color: badge.color });
    void browser.action.setTitle({ title: badge.title });
  };
  watchJob(show);
}

/**
 * Every finished prompt goes to history: on each transition into a finished state (ready, and
 * any later state other helpers add), the whole job snapshot is stored. Edits update it.
 */
function followJobWithHistory(): void {
  let recorded = '';
  watchJob((job) => {
    if (!isRecordable(job)) return;
    const key = `${job.id}|${job.updatedAt}`;
    if (key === recorded) return;
    recorded = key;
    // A failure is reported to the person by recordPrompt (history notice); nothing else to do.
    recordPrompt(job).catch(() => undefined);
  });
}

/** Lower caps in Settings take effect at once, not at the next save. */
function followHistoryCaps(): void {
  settingsItem.watch(async (settings) => {
    const caps = capsFromSettings(validateSettings(settings));
    await enforceHistoryCaps(caps).catch(() => undefined);
  });
}

/** A page opens the job-watch port: only the extension's own pages may hold one, as for messages. */
export function onConnect(port: { name: string; sender?: SenderInfo; disconnect(): void }): void {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  if (port.name !== JOB_WATCH_PORT || !isTrustedSender(port.sender ?? {}, browser.runtime.id, extensionOrigin)) port.disconnect();
}

export function wireBackground(): void {
  // The key lives in storage.local: web pages' scripts must not be able to ask for it.
  void restrictStorageToExtension();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createMenus();
    // First install: the welcome (provider, key, a first try). Not in the e2e build, whose every
    // test run is a fresh install.
    if (reason === 'install' && import.meta.env.MODE !== 'e2e') {
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome' as '/options.html') });
    }
  });
  // Firefox's event pages may start without the menu it had: make sure it is there.
  browser.runtime.onStartup.addListener(() => void createMenus());
  followDefaultTargetWithMenu();
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  browser.commands.onCommand.addListener((command, tab) => onCommand(command, tab));
  listen(handlers, (error) => classifyError(error));
  followJobWithBadge();
  followJobWithHistory();
  followHistoryCaps();
  followEndpointWithHostAccess();
  // Pages showing a running job hold a port, only to learn (onDisconnect) when the worker stops;
  // it is not a keep-alive: nothing is sent on it, and it exists only while a job runs.
  browser.runtime.onConnect.addListener(onConnect);
  // A job that was running when the worker stopped has nobody working on it any more.
  void mutateJob((job) => (job && isRunning(job) ? markInterrupted(job, Date.now()) : undefined));
  void recoverImageRun();
  // Images an older version kept in a database of their own move into history (after an update,
  // or the next start if the worker was stopped before it was done); nothing to do otherwise.
  void moveLegacyImages().catch(() => undefined);
}
