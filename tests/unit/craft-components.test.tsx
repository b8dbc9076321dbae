// @vitest-environment happy-dom
// The popup's pickers and variation cards, the negative prompt box and the options page's
// template editor, rendered with Preact and driven like a person would.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TemplateEditor } from '../../components/options/TemplateEditor';
import { CraftPickers } from '../../components/popup/CraftPickers';
import { NegativePromptBox } from '../../components/popup/NegativePromptBox';
import { PromptBox } from '../../components/popup/PromptBox';
import { VariationCards } from '../../components/popup/VariationCards';
import { ASPECT_RATIOS } from '../../utils/aspect-ratios';
import type { CraftChoice } from '../../utils/craft';
import { STYLE_PRESETS } from '../../utils/styles';
import { defaultTemplate, promptTarget, TARGETS } from '../../utils/targets';

let clipboard: string[];
beforeEach(() => {
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void clipboard.push(text) },
  });
});
afterEach(() => cleanup());

const CHOICE: CraftChoice = { target: 'gpt-image', style: 'none', aspectRatio: '1:1', variationCount: 1 };

describe('CraftPickers', () => {
  it('offers every target, style, aspect ratio and 1–6 takes in labelled selects', () => {
    render(<CraftPickers choice={CHOICE} onChange={() => undefined} />);
    const options = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.value);
    expect(options('Target')).toEqual(TARGETS.map((t) => t.id));
    expect(options('Style')).toEqual(STYLE_PRESETS.map((s) => s.id));
    expect(options('Aspect ratio')).toEqual(ASPECT_RATIOS.map((a) => a.id));
    expect(options('Variations')).toEqual(['1', '2', '3', '4', '5', '6']);
    expect((screen.getByLabelText('Target') as HTMLSelectElement).value).toBe('gpt-image');
  });

  it('are plain focusable controls, reachable with the keyboard', () => {
    render(<CraftPickers choice={CHOICE} onChange={() => undefined} />);
    for (const label of ['Target', 'Style', 'Aspect ratio', 'Variations']) {
      const select = screen.getByLabelText(label);
      expect(select.tagName).toBe('SELECT');
      expect(select.getAttribute('tabindex')).toBeNull();
      select.focus();
      expect(document.activeElement).toBe(select);
    }
  });

  it('reports each change as a patch of the choice', () => {
    const onChange = vi.fn();
    render(<CraftPickers choice={CHOICE} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: 'midjourney' } });
    fireEvent.change(screen.getByLabelText('Aspect ratio'), { target: { value: '16:9' } });
    fireEvent.change(screen.getByLabelText('Variations'), { target: { value: '4' } });
    expect(onChange.mock.calls).toEqual([[{ target: 'midjourney' }], [{ aspectRatio: '16:9' }], [{ variationCount: 4 }]]);
  });
});

describe('VariationCards', () => {
  const takes = ['a fox at dawn --ar 1:1', 'a fox at noon --ar 1:1', 'a fox at night --ar 1:1'];

  it('shows the other takes, not the one in the prompt box, each with its own Copy', async () => {
    render(<VariationCards variations={takes} current={takes[0] as string} onChoose={() => undefined} />);
    const cards = screen.getAllByTestId('variation');
    expect(cards.map((card) => card.querySelector('.card-text')?.textContent)).toEqual([takes[1], takes[2]]);
    expect(screen.getByRole('heading', { name: 'Other takes (2)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy variation 2' }));
    await vi.waitFor(() => expect(clipboard).toEqual(['a fox at noon --ar 1:1']));
  });

  it('makes another take the main prompt, by its own number', () => {
    const onChoose = vi.fn();
    render(<VariationCards variations={takes} current={takes[1] as string} onChoose={onChoose} />);
    expect(screen.queryByRole('button', { name: 'Use variation 2 as the prompt' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use variation 3 as the prompt' }));
    expect(onChoose).toHaveBeenCalledWith(2);
  });

  it('shows every take when the prompt was edited (none is in use)', () => {
    render(<VariationCards variations={takes} current="my own fox" onChoose={() => undefined} />);
    expect(screen.getAllByTestId('variation')).toHaveLength(3);
  });

  it('shows each Stable Diffusion take’s negative prompt', () => {
    render(<VariationCards variations={['fox', 'owl']} negatives={['blurry', 'text']} current="fox" onChoose={() => undefined} />);
    expect(screen.getAllByTestId('variation')[0]?.textContent).toContain('Negative prompt: text');
  });
});

describe('NegativePromptBox', () => {
  it('copies what its box holds, edits included, and saves the edit', async () => {
    vi.useFakeTimers();
    const onEdit = vi.fn();
    render(<NegativePromptBox value="blurry, lowres" onEdit={onEdit} />);
    const box = screen.getByTestId('negative-prompt') as HTMLTextAreaElement;
    expect(box.value).toBe('blurry, lowres');
    fireEvent.input(box, { target: { value: 'blurry, lowres, text' } });
    vi.advanceTimersByTime(400);
    vi.useRealTimers();
    expect(onEdit).toHaveBeenCalledWith('blurry, lowres, text');
    fireEvent.click(screen.getByRole('button', { name: 'Copy negative prompt' }));
    await vi.waitFor(() => expect(clipboard).toEqual(['blurry, lowres, text']));
  });
});

describe('PromptBox', () => {
  it('takes a chosen variation even after the person edited the prompt', () => {
    vi.useFakeTimers();
    const { rerender } = render(<PromptBox prompt="first take" streaming={false} onEdit={() => undefined} />);
    const box = screen.getByTestId('prompt') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'first take, edited' } });
    vi.advanceTimersByTime(400);
    vi.useRealTimers();
    // The background echoes the saved edit: the box keeps what the person typed.
    rerender(<PromptBox prompt="first take, edited" streaming={false} onEdit={() => undefined} />);
    expect(box.value).toBe('first take, edited');
    rerender(<PromptBox prompt="second take" streaming={false} onEdit={() => undefined} />);
    expect(box.value).toBe('second take');
  });
});

describe('PromptBox while streaming', () => {
  it('shows each new piece of text in the same task, not a frame later', async () => {
    // Preact's own render, not the testing library's act(), which would flush a plain effect too:
    // a person sees the text only when the box holds it before the next paint.
    const root = document.createElement('div');
    document.body.append(root);
    const onText = vi.fn();
    preactRender(<PromptBox prompt="A light" streaming onEdit={() => undefined} onText={onText} />, root);
    const box = root.querySelector('textarea') as HTMLTextAreaElement;
    preactRender(<PromptBox prompt="A lighthouse at dusk" streaming onEdit={() => undefined} onText={onText} />, root);
    await Promise.resolve();
    await Promise.resolve();
    expect(box.value).toBe('A lighthouse at dusk');
    // The popup learns it in the same task too (until then a finished prompt looks hand-edited).
    expect(onText).toHaveBeenLastCalledWith('A lighthouse at dusk');
    preactRender(null, root);
    root.remove();
  });
});

describe('TemplateEditor', () => {
  const target = promptTarget('midjourney');

  it('reports unknown placeholders as they are typed, blocks the form and passes on only valid templates', () => {
    const onChange = vi.fn();
    render(
      <form>
        <TemplateEditor target={target} onChange={onChange} />
      </form>,
    );
    const box = screen.getByLabelText('Message sent with the selection') as HTMLTextAreaElement;
    expect(box.value).toBe(defaultTemplate('midjourney'));
    fireEvent.input(box, { target: { value: 'Paint {{selection}} in the style of {{artist}}' } });
    expect(screen.getByRole('alert').textContent).toContain('Unknown placeholder {{artist}}');
    expect(box.validationMessage).toContain('Unknown placeholder {{artist}}');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.input(box, { target: { value: 'Paint {{selection}} ({{context}})' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box.validationMessage).toBe('');
    expect(onChange).toHaveBeenLastCalledWith('Paint {{selection}} ({{context}})');
    expect(screen.getByText(/Midjourney — custom template/)).toBeTruthy();
  });

  it('resets a custom template to the default', () => {
    const onChange = vi.fn();
    render(<TemplateEditor target={target} override="Paint {{selection}}" onChange={onChange} />);
    const box = screen.getByLabelText('Message sent with the selection') as HTMLTextAreaElement;
    expect(box.value).toBe('Paint {{selection}}');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect(box.value).toBe(defaultTemplate('midjourney'));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect((screen.getByRole('button', { name: 'Reset to default' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
