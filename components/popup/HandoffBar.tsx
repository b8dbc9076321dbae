import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ExternalGenerator, fillUrl, handoffPlan, pasteKeys, sitePattern } from '../../utils/generators';
import { handoffNoticeItem, lastGeneratorItem } from '../../utils/handoff-store';
import type { PromptForImage } from '../../utils/image-input';
import { send } from '../../utils/messaging';
import type { FillFailure } from '../../utils/protocol';
import { loadSettings } from '../../utils/settings-store';
import { requestSiteAccess } from '../../utils/site-access';
import { MenuButton } from './Menu';
import { t } from './strings';

interface Props {
  input: PromptForImage;
  disabled: boolean;
  /** Told what happened after a hand-off ("Prompt copied. ChatGPT opens with it filled in."). */
  onStatus: (status: string) => void;
}

/** A notice older than this is about another prompt: not shown. */
const NOTICE_MAX_AGE_MS = 10 * 60_000;

function platform(): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return nav.userAgentData?.platform || nav.platform || '';
}

/** What the person reads when the prompt could not be put in the site's box. */
export function notFilledText(name: string, reason: FillFailure, keys = pasteKeys(platform())): string {
  const why = reason === 'no-box' ? t('fillNoBox', name) : reason === 'cannot-open' ? t('fillNotLoaded', name) : t('fillCannotType', name);
  return t('fillPaste', why, keys);
}

function copy(text: string): Promise<boolean> {
  try {
    return navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * "Open in X ▾": copies the prompt (and negative prompt), then opens the generator: with the
 * prompt in the address where the site reads it, or — for a fill row the person allowed — asks the
 * background to put it in the site's prompt box. The last one used is the button; the others are
 * in its menu.
 */
export function HandoffBar({ input, disabled, onStatus }: Props) {
  const [generators, setGenerators] = useState<ExternalGenerator[]>([]);
  const [lastId, setLastId] = useState('');

  useEffect(() => {
    loadSettings().then((s) => setGenerators(s.generators.filter((g) => g.enabled)));
    lastGeneratorItem.getValue().then(setLastId);
    // A fill that failed after the popup closed (the site took the focus): say it once.
    handoffNoticeItem.getValue().then((notice) => {
      if (!notice) return;
      if (Date.now() - notice.at < NOTICE_MAX_AGE_MS) onStatus(notFilledText(notice.generatorName, notice.reason));
      void handoffNoticeItem.setValue(null);
    });
  }, []);

  if (generators.length === 0) return null;
  const last = generators.find((g) => g.id === lastId) ?? (generators[0] as ExternalGenerator);

  const finish = async (generator: ExternalGenerator, copying: Promise<boolean>, access: Promise<boolean> | null) => {
    const plan = handoffPlan(generator, input);
    const copied = await copying;
    setLastId(generator.id);
    await lastGeneratorItem.setValue(generator.id);
    const copyText = copied ? t('handoffCopied') : t('handoffNotCopied');
    if (access) {
      const url = fillUrl(generator);
      if (await access) {
        onStatus(t('fillOpening', copyText, generator.name));
        const outcome = await send('fillGenerator', {
          generatorId: generator.id,
          prompt: input.prompt,
          ...(input.negativePrompt?.trim() ? { negativePrompt: input.negativePrompt } : {}),
        }).catch(() => ({ filled: false, negativeFilled: false, reason: 'cannot-script' as const }));
        // This popup saw the outcome: no notice for the next one.
        await handoffNoticeItem.setValue(null);
        onStatus(
          outcome.filled
            ? t(outcome.negativeFilled ? 'fillDoneNegative' : 'fillDone', copyText, generator.name)
            : `${copyText} ${notFilledText(generator.name, outcome.reason ?? 'no-box')}`,
        );
        return;
      }
      const host = sitePattern(url)?.replace(/^\w+:\/\/|\/\*$/g, '') ?? generator.name;
      onStatus(t('fillNoAccess', copyText, host, generator.name, pasteKeys(platform())));
      await browser.tabs.create({ url });
      return;
    }
    onStatus(
      [copyText, plan.prefilled ? t('handoffPrefilled', generator.name) : t('handoffPaste', generator.name), plan.note ?? '']
        .filter(Boolean)
        .join(' '),
    );
    await browser.tabs.create({ url: plan.url });
  };

  // Synchronous up to the permission request: browsers ask only inside the click (user gesture).
  const handOff = (generator: ExternalGenerator) => {
    const copying = copy(handoffPlan(generator, input).clipboardText);
    const access = generator.mode === 'fill' ? requestSiteAccess(fillUrl(generator)) : null;
    void finish(generator, copying, access);
  };
  const others = generators.filter((g) => g.id !== last.id);

  return (
    <span class="split">
      <button type="button" class="split-main" onClick={() => handOff(last)} disabled={disabled}>
        {t('openIn', last.name)}
      </button>
      {others.length > 0 && (
        <MenuButton
          class="split-more"
          label={t('otherGenerators')}
          disabled={disabled}
          entries={others.map((g) => ({ label: t('openIn', g.name), onSelect: () => handOff(g) }))}
        >
          <span aria-hidden="true">▾</span>
        </MenuButton>
      )}
    </span>
  );
}
