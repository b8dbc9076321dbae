import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ExternalGenerator, handoffPlan } from '../../utils/generators';
import { lastGeneratorItem } from '../../utils/handoff-store';
import type { PromptForImage } from '../../utils/image-input';
import { loadSettings } from '../../utils/settings-store';
import { MenuButton } from './Menu';
import { t } from './strings';

interface Props {
  input: PromptForImage;
  disabled: boolean;
  /** Told what happened after a hand-off ("Prompt copied. ChatGPT opens with it filled in."). */
  onStatus: (status: string) => void;
}

/**
 * "Open in X ▾": copies the prompt (and negative prompt), then opens the generator in a new tab
 * with the prompt in the address where the site reads it. The last one used is the button; the
 * others are in its menu.
 */
export function HandoffBar({ input, disabled, onStatus }: Props) {
  const [generators, setGenerators] = useState<ExternalGenerator[]>([]);
  const [lastId, setLastId] = useState('');

  useEffect(() => {
    loadSettings().then((s) => setGenerators(s.generators));
    lastGeneratorItem.getValue().then(setLastId);
  }, []);

  if (generators.length === 0) return null;
  const last = generators.find((g) => g.id === lastId) ?? (generators[0] as ExternalGenerator);

  const handOff = async (generator: ExternalGenerator) => {
    const plan = handoffPlan(generator, input);
    let copied = true;
    try {
      await navigator.clipboard.writeText(plan.clipboardText);
    } catch {
      copied = false;
    }
    setLastId(generator.id);
    await lastGeneratorItem.setValue(generator.id);
    onStatus(
      [
        copied ? t('handoffCopied') : t('handoffNotCopied'),
        plan.prefilled ? t('handoffPrefilled', generator.name) : t('handoffPaste', generator.name),
        plan.note ?? '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    await browser.tabs.create({ url: plan.url });
  };
  const others = generators.filter((g) => g.id !== last.id);

  return (
    <span class="split">
      <button type="button" class="split-main" onClick={() => void handOff(last)} disabled={disabled}>
        {t('openIn', last.name)}
      </button>
      {others.length > 0 && (
        <MenuButton
          class="split-more"
          label={t('otherGenerators')}
          disabled={disabled}
          entries={others.map((g) => ({ label: t('openIn', g.name), onSelect: () => void handOff(g) }))}
        >
          <span aria-hidden="true">▾</span>
        </MenuButton>
      )}
    </span>
  );
}
