// @vitest-environment happy-dom
// The fill script's logic on the fixture pages' field kinds (tests/fixtures/pages/fill/fields.js
// gives each box the behaviour of the site it mimics). happy-dom has no layout and no execCommand:
// the contenteditable path here is the beforeinput one; Chromium's is checked end to end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRoots, type FillRequest, fillPage, findBox, type PageWindow, setBoxText } from '../../utils/fill-page';
import { controlledBox, countSubmits, editorBox, type FixtureState, fixtureState, plainBox } from '../fixtures/pages/fill/fields.js';

const win = window as unknown as PageWindow;
let state: FixtureState;

const request = (patch: Partial<FillRequest> = {}): FillRequest => ({
  prompt: 'A red fox asleep in fresh snow',
  promptSelectors: [],
  negativeSelectors: [],
  waitMs: 0,
  ...patch,
});

function page(html: string): HTMLFormElement {
  document.body.innerHTML = `<form id="generate">${html}<button type="submit">Generate</button></form>`;
  const form = document.getElementById('generate') as HTMLFormElement;
  countSubmits(win, form);
  return form;
}
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

beforeEach(() => {
  state = fixtureState(win);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('finding the prompt box', () => {
  it('tries the selectors in order, skipping hidden boxes and bad selectors', () => {
    page('<textarea id="a" hidden class="p"></textarea><textarea id="b" class="p"></textarea><textarea id="c"></textarea>');
    expect(findBox(win, ['#missing', 'textarea[', '.p'])?.id).toBe('b');
    expect(findBox(win, ['#c'])?.id).toBe('c');
  });

  it('falls back to a visible box labelled prompt, imagine or describe, never a negative one or a search box', () => {
    page(
      '<input id="search" type="search" placeholder="Search"><textarea id="neg" placeholder="Negative prompt"></textarea>' +
        '<label for="p">Describe your picture</label><textarea id="p"></textarea>',
    );
    expect(findBox(win, [])?.id).toBe('p');
    expect(findBox(win, [], true)?.id).toBe('neg');
    document.body.innerHTML =
      '<textarea id="comment" placeholder="Leave a comment"></textarea><input type="password" placeholder="prompt">';
    expect(findBox(win, [])).toBeNull();
  });

  it('finds boxes inside open shadow roots, by selector of the host or by the fallback', () => {
    page('<prompt-field id="host"></prompt-field>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<textarea placeholder="Describe your image"></textarea>';
    expect(allRoots(document)).toHaveLength(2);
    expect(findBox(win, ['prompt-field'])).toBe(root.querySelector('textarea'));
    expect(findBox(win, [])).toBe(root.querySelector('textarea'));
  });
});

describe('filling', () => {
  it('fills a plain textarea and the negative box, focuses the prompt, submits nothing', async () => {
    page('<textarea id="prompt" placeholder="Prompt"></textarea><textarea id="negative" placeholder="Negative prompt"></textarea>');
    plainBox(win, byId('prompt'));
    plainBox(win, byId('negative'), 'negative');
    const result = await fillPage(
      win,
      request({ negativePrompt: 'blurry', promptSelectors: ['#prompt'], negativeSelectors: ['#negative'] }),
    );
    expect(result).toEqual({ filled: true, negativeFilled: true });
    expect(state).toMatchObject({ value: 'A red fox asleep in fresh snow', negative: 'blurry', submits: 0 });
    expect(document.activeElement?.id).toBe('prompt');
  });

  it('reaches a React-controlled input, which ignores a plain .value = (the fixture proves it)', async () => {
    page('<input id="prompt" type="text" placeholder="What will you imagine?">');
    const box = byId<HTMLInputElement>('prompt');
    controlledBox(win, box);
    box.value = 'typed by a naive script';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state.value).toBe('');
    expect(box.value).toBe('');
    expect(await fillPage(win, request())).toEqual({ filled: true, negativeFilled: false });
    expect(state).toMatchObject({ value: 'A red fox asleep in fresh snow', inputs: 1, submits: 0 });
  });

  it('types into a contenteditable editor through beforeinput, replacing what was there', async () => {
    page('<div id="editor" class="ProseMirror" contenteditable="true" aria-label="Prompt"><p>old text</p></div>');
    const box = byId('editor');
    editorBox(win, box);
    setBoxText(win, box, 'first');
    expect(await fillPage(win, request({ prompt: 'A fox\nin snow', promptSelectors: ['.ProseMirror[contenteditable="true"]'] }))).toEqual({
      filled: true,
      negativeFilled: false,
    });
    expect(state.value).toBe('A fox\nin snow');
    expect([...box.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['A fox', 'in snow']);
    expect(state.submits).toBe(0);
  });

  it('waits for a box that appears late, and gives up after the timeout', async () => {
    page('');
    setTimeout(() => {
      document.body.insertAdjacentHTML('beforeend', '<textarea id="late" aria-label="Prompt"></textarea>');
      plainBox(win, byId('late'));
    }, 50);
    expect(await fillPage(win, request({ waitMs: 2000 }))).toEqual({ filled: true, negativeFilled: false });
    expect(state.value).toBe('A red fox asleep in fresh snow');
    document.body.innerHTML = '<p>No box here</p>';
    const started = Date.now();
    expect(await fillPage(win, request({ waitMs: 150 }))).toEqual({ filled: false, negativeFilled: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('sees a box added inside a shadow root after the start', async () => {
    page('<prompt-field id="host"></prompt-field>');
    const root = byId('host').attachShadow({ mode: 'open' });
    setTimeout(() => {
      root.innerHTML = '<textarea placeholder="Describe your image"></textarea>';
      plainBox(win, root.querySelector('textarea') as HTMLTextAreaElement);
    }, 50);
    expect((await fillPage(win, request({ waitMs: 2000 }))).filled).toBe(true);
    expect(state.value).toBe('A red fox asleep in fresh snow');
  });
});
