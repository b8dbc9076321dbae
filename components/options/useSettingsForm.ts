// Browser glue for the options page: every change saves itself. A field's change is sent as an
// `updateSettings` patch of the fields that differ from what is stored, a moment after the last
// keystroke, at once when the focus leaves the field, and when the page is hidden or closed. A
// typed key is saved when its field is left or pasted into (never half-typed), after the settings,
// so that it is bound to the endpoint just saved. Changes made elsewhere meanwhile (the popup's
// pickers, the background's automatic model) show up here unless this page is editing that field.
import { useEffect, useRef, useState } from 'preact/hooks';
import { unusedSitePatterns } from '../../utils/generator-edits';
import { hostLabel, hostPatternFor, isInsecureRemote } from '../../utils/host-patterns';
import { send } from '../../utils/messaging';
import { PROVIDERS, type ProviderId } from '../../utils/providers';
import { LIMITS, normalizeBaseUrl, type Settings, validateSettings } from '../../utils/settings';
import { settingsPatch } from '../../utils/settings-patch';
import { loadSettings, watchSettings } from '../../utils/settings-store';
import { releaseSiteAccess } from '../../utils/site-access';
import { type ImageBackendForm, imageBackendUrl, sharesChat } from './useImageBackendForm';
import type { ProviderForm } from './useProviderForm';

/** What the save bar says: how the last save went, a note, and a host-access question pending. */
export interface SaveStatus {
  save: 'idle' | 'pending' | 'saved' | 'failed' | 'bad-url' | 'bad-image-url' | 'insecure-url';
  note?: string;
  access?: { state: 'asking' | 'refused'; host: string };
}

export interface SettingsForm {
  /** The form as shown (saved or about to be). */
  settings: Settings;
  status: SaveStatus;
  /** Shows a change and saves it shortly (at once on leaving the field). */
  update: (patch: Partial<Settings>) => void;
  /** Saves what waits, now (the key too); resolves when it is stored. */
  flush: () => Promise<void>;
  /** A key was typed or its storage changed: saved on leaving the field. */
  keyChanged: () => void;
  /** Picks a provider preset (its base URL, and the chat model of the new endpoint: automatic). */
  chooseProvider: (id: ProviderId) => void;
  /** Asks for host access inside the person's gesture (other endpoints in the same prompt), and says on the save bar what happens. */
  askAccess: (baseUrl: string | null, ...others: string[]) => Promise<boolean>;
  setNote: (note: string) => void;
}

const DEBOUNCE_MS = 600;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings a form stands for: an address that is not http(s) keeps the stored one, and so does
 * a new plain-http address on the internet until the person confirms it (`insecureConfirmed`).
 */
function savable(
  shown: Settings,
  stored: Settings,
  insecureConfirmed: string | null = null,
): { edited: Settings; badUrl: boolean; badImageUrl: boolean; insecureUrl: boolean } {
  const http = PROVIDERS[shown.provider].http;
  const normalized = normalizeBaseUrl(shown.baseUrl);
  const badUrl = http && !normalized;
  const insecureUrl =
    http && normalized !== null && normalized !== stored.baseUrl && isInsecureRemote(normalized) && insecureConfirmed !== normalized;
  const badImageUrl = !sharesChat(shown) && shown.images.baseUrl !== '' && imageBackendUrl(shown) === null;
  const images = badImageUrl ? { ...shown.images, baseUrl: stored.images.baseUrl } : shown.images;
  const baseUrl = (insecureUrl ? null : normalized) ?? stored.baseUrl;
  return { edited: validateSettings({ ...shown, baseUrl, images }), badUrl, badImageUrl, insecureUrl };
}

/** Numbers and the base URL, once the field is left, show what was saved (clamped, normalised). */
function settled(shown: Settings, edited: Settings): Settings {
  const next: Record<string, unknown> = { ...shown };
  for (const name of [...Object.keys(LIMITS), 'baseUrl'] as (keyof Settings)[]) {
    if (name in shown && !(name === 'baseUrl' && normalizeBaseUrl(shown.baseUrl) === null)) next[name] = edited[name];
  }
  return next as unknown as Settings;
}

export function useSettingsForm(provider: ProviderForm, image?: ImageBackendForm): SettingsForm | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ save: 'idle' });
  const shown = useRef<Settings | null>(null);
  const stored = useRef<Settings | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const running = useRef(0);

  const show = (next: Settings) => {
    shown.current = next;
    setSettings(next);
  };

  const keysPending = () => provider.keyPending() || image?.keyPending() === true;

  const dirty = () => {
    if (!shown.current || !stored.current) return false;
    return !same(savable(shown.current, stored.current, provider.insecureConfirmedNow()).edited, stored.current) || keysPending();
  };

  /** The keys in their fields when the save was asked for (null when keys are not saved now). */
  const save = async (typed: { chat: string; image: string } | null, settle: boolean) => {
    const form = shown.current;
    const before = stored.current;
    if (!form || !before) return;
    const { edited, badUrl, badImageUrl, insecureUrl } = savable(form, before, provider.insecureConfirmedNow());
    const patch = settingsPatch(before, edited);
    try {
      if (Object.keys(patch).length > 0) {
        const saved = await send('updateSettings', { patch });
        stored.current = saved;
        // Sites no longer filled give their permission back (never the provider endpoint's).
        if ('generators' in patch) {
          const endpoint = hostPatternFor(saved.baseUrl);
          void releaseSiteAccess(unusedSitePatterns(before.generators, saved.generators, endpoint ? [endpoint] : []));
        }
      }
      if (typed !== null) {
        await provider.commitKey(typed.chat);
        await image?.commitKey(edited, typed.image);
      }
      // A plain-http address waiting for its confirmation stays in the field as typed.
      if (settle && shown.current === form) show(settled(form, insecureUrl ? { ...edited, baseUrl: form.baseUrl } : edited));
      const word = badUrl
        ? 'bad-url'
        : insecureUrl
          ? 'insecure-url'
          : badImageUrl
            ? 'bad-image-url'
            : timer.current || keysPending()
              ? 'pending'
              : 'saved';
      setStatus((current) => ({ ...current, note: undefined, save: word }));
    } catch {
      setStatus((current) => ({ ...current, note: undefined, save: 'failed' }));
    }
  };

  const run = (withKey: boolean, settle: boolean): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    running.current++;
    // The keys as they are now: one typed on while an earlier save waits is saved when its field is left.
    const typed = withKey ? { chat: provider.keyNow(), image: image?.keyNow() ?? '' } : null;
    queue.current = queue.current
      .then(() => save(typed, settle))
      .finally(() => {
        running.current--;
      });
    return queue.current;
  };

  const flush = () => (dirty() ? run(true, true) : queue.current);

  const schedule = () => {
    setStatus((current) => ({ ...current, note: undefined, save: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(false, false), DEBOUNCE_MS);
  };

  useEffect(() => {
    let alive = true;
    loadSettings().then((loaded) => {
      if (!alive) return;
      stored.current = loaded;
      show(loaded);
    });
    const unwatch = watchSettings((incoming) => {
      const form = shown.current;
      const before = stored.current;
      stored.current = incoming;
      if (!form || !before) return;
      // Fields this page has not touched follow the stored settings.
      const next: Record<string, unknown> = { ...form };
      for (const name of Object.keys(incoming) as (keyof Settings)[]) {
        if (same(form[name], before[name])) next[name] = incoming[name];
      }
      if (!same(next, form)) show(next as unknown as Settings);
    });
    // Leaving the page: what waits is sent now; closing the tab while it is on its way asks first.
    const hide = () => void flush();
    const guard = (event: BeforeUnloadEvent) => {
      if (timer.current || running.current > 0 || keysPending()) {
        void flush();
        event.preventDefault();
      }
    };
    window.addEventListener('pagehide', hide);
    window.addEventListener('beforeunload', guard);
    const hidden = () => document.visibilityState === 'hidden' && hide();
    document.addEventListener('visibilitychange', hidden);
    return () => {
      alive = false;
      clearTimeout(timer.current);
      unwatch();
      window.removeEventListener('pagehide', hide);
      window.removeEventListener('beforeunload', guard);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  const askAccess = (baseUrl: string | null, ...others: string[]): Promise<boolean> => {
    // Synchronously, first: browsers show the permission prompt only during a user gesture.
    const asked = provider.askAccess(baseUrl, ...others);
    const host = [baseUrl, ...others]
      .filter((url): url is string => !!url)
      .map(hostLabel)
      .join(', ');
    const waiting = setTimeout(() => setStatus((current) => ({ ...current, access: { state: 'asking', host } })), 200);
    return asked.then((granted) => {
      clearTimeout(waiting);
      setStatus((current) => ({ ...current, access: granted ? undefined : { state: 'refused', host } }));
      return granted;
    });
  };

  if (!settings) return null;

  const update = (patch: Partial<Settings>) => {
    show({ ...(shown.current as Settings), ...patch });
    schedule();
  };

  const chooseProvider = (id: ProviderId) => {
    const current = shown.current as Settings;
    const baseUrl = PROVIDERS[id].baseUrl || current.baseUrl;
    // Host access is asked for by Allow access, Test connection or leaving the base URL field,
    // not here: arrow keys through the choices would raise a prompt for each.
    show({ ...current, provider: id, baseUrl, chatModel: id === current.provider ? current.chatModel : '' });
    void run(false, true);
  };

  return {
    settings,
    status,
    update,
    flush,
    keyChanged: schedule,
    chooseProvider,
    askAccess,
    setNote: (note) => setStatus((current) => ({ ...current, note })),
  };
}
