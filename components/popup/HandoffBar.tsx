import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ExternalGenerator, fillUrl, handoffPlan, pasteKeys, sitePattern } from '../../utils/generators';
import { handoffNoticeItem, lastGeneratorItem } from '../../utils/handoff-store';
import type { PromptForImage } from '../../utils/image-input';
import { send } from '../../utils/messaging';
import type { FillFailure } from '../../utils/protocol';
import { loadSettings } from '../../utils/settings-store';
import { requestSiteAccess } from '../../utils/site-access';

interface Props {
  input: PromptForImage;
  disabled: boolean;
}

/** A notice older than this is about another prompt: not shown. */
const NOTICE_MAX_AGE_MS = 10 * 60_000;

function platform(): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return nav.userAgentData?.platform || nav.platform || '';
}

/** What the person reads when the prompt could not be put in the site's box. */
export function notFilledText(name: string, reason: FillFailure, keys = pasteKeys(platform())): string {
  const why =
    reason === 'no-box'
      ? `Promptbrush found no prompt box on ${name}.`
      : reason === 'cannot-open'
        ? `${name} did not finish loading.`
        : `Promptbrush could not type into ${name}.`;
  return `${why} The prompt is on the clipboard: paste it with ${keys}.`;
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
 * "Open in X": copies the prompt (and negative prompt), then opens the generator: with the prompt
 * in the address where the site reads it, or — for a fill row the person allowed — asks the
 * background to put it in the site's prompt box. The last one used is one click away.
 */
export function HandoffBar({ input, disabled }: Props) {
  const [generators, setGenerators] = useState<ExternalGenerator[]>([]);
  const [lastId, setLastId] = useState('');
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadSettings().then((s) => setGenerators(s.generators.filter((g) => g.enabled)));
    lastGeneratorItem.getValue().then(setLastId);
    // A fill that failed after the popup closed (the site took the focus): say it once.
    handoffNoticeItem.getValue().then((notice) => {
      if (!notice) return;
      if (Date.now() - notice.at < NOTICE_MAX_AGE_MS) setStatus(notFilledText(notice.generatorName, notice.reason));
      void handoffNoticeItem.setValue(null);
    });
  }, []);

  if (generators.length === 0) return null;
  const last = generators.find((g) => g.id === lastId) ?? (generators[0] as ExternalGenerator);

  const finish = async (generator: ExternalGenerator, copying: Promise<boolean>, access: Promise<boolean> | null) => {
    const plan = handoffPlan(generator, input);
    const copied = await copying;
    setLastId(generator.id);
    setOpen(false);
    await lastGeneratorItem.setValue(generator.id);
    const copyText = copied ? 'Prompt copied.' : 'Could not copy the prompt: select it and press Ctrl+C.';
    if (access) {
      const url = fillUrl(generator);
      if (await access) {
        setStatus(`${copyText} Opening ${generator.name} to put it in its prompt box…`);
        const outcome = await send('fillGenerator', {
          generatorId: generator.id,
          prompt: input.prompt,
          ...(input.negativePrompt?.trim() ? { negativePrompt: input.negativePrompt } : {}),
        }).catch(() => ({ filled: false, negativeFilled: false, reason: 'cannot-script' as const }));
        // This popup saw the outcome: no notice for the next one.
        await handoffNoticeItem.setValue(null);
        setStatus(
          outcome.filled
            ? `${copyText} It is in ${generator.name}'s prompt box${outcome.negativeFilled ? ', with the negative prompt' : ''}: press its own Generate.`
            : `${copyText} ${notFilledText(generator.name, outcome.reason ?? 'no-box')}`,
        );
        return;
      }
      const host = sitePattern(url)?.replace(/^\w+:\/\/|\/\*$/g, '') ?? generator.name;
      setStatus(
        `${copyText} Without access to ${host}, Promptbrush cannot fill ${generator.name}'s prompt box: paste it with ${pasteKeys(platform())}.`,
      );
      await browser.tabs.create({ url });
      return;
    }
    setStatus(
      [copyText, plan.prefilled ? `${generator.name} opens with it filled in.` : `Paste it into ${generator.name}.`, plan.note ?? '']
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

  return (
    <section class="handoff" aria-label="Open in another generator">
      <div class="row">
        <button type="button" onClick={() => handOff(last)} disabled={disabled}>
          Open in {last.name}
        </button>
        <button type="button" class="link" onClick={() => setOpen(!open)} aria-expanded={open} disabled={disabled}>
          Other generators
        </button>
      </div>
      {open && (
        <ul class="handoff-list">
          {generators
            .filter((g) => g.id !== last.id)
            .map((g) => (
              <li key={g.id}>
                <button type="button" onClick={() => handOff(g)}>
                  Open in {g.name}
                </button>
              </li>
            ))}
        </ul>
      )}
      <p class="hint" role="status" data-testid="handoff-status">
        {status}
      </p>
    </section>
  );
}
