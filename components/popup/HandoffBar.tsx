import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ExternalGenerator, handoffPlan } from '../../utils/generators';
import { lastGeneratorItem } from '../../utils/handoff-store';
import type { PromptForImage } from '../../utils/image-input';
import { loadSettings } from '../../utils/settings-store';

interface Props {
  input: PromptForImage;
  disabled: boolean;
}

/**
 * "Open in X": copies the prompt (and negative prompt), then opens the generator in a new tab
 * with the prompt in the address where the site reads it. The last one used is one click away.
 */
export function HandoffBar({ input, disabled }: Props) {
  const [generators, setGenerators] = useState<ExternalGenerator[]>([]);
  const [lastId, setLastId] = useState('');
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');

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
    setOpen(false);
    await lastGeneratorItem.setValue(generator.id);
    setStatus(
      [
        copied ? 'Prompt copied.' : 'Could not copy the prompt: select it and press Ctrl+C.',
        plan.prefilled ? `${generator.name} opens with it filled in.` : `Paste it into ${generator.name}.`,
        plan.note ?? '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    await browser.tabs.create({ url: plan.url });
  };

  return (
    <section class="handoff" aria-label="Open in another generator">
      <div class="row">
        <button type="button" onClick={() => void handOff(last)} disabled={disabled}>
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
                <button type="button" onClick={() => void handOff(g)}>
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
