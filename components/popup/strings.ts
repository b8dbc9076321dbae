// Every word the popup and side panel show, in one place, keyed. `t` fills `$1`, `$2`… the way
// browser.i18n.getMessage does, so moving these to _locales is a change of this file alone.

export const POPUP_STRINGS = {
  appName: 'Promptbrush',
  toolbar: 'Promptbrush',
  newPrompt: 'New prompt',
  history: 'History',
  historyCount: 'History ($1)',
  moreActions: 'More actions',
  openSidePanel: 'Open in side panel',
  sidePanelUnavailable: 'Side panel unavailable',
  settings: 'Settings',
  regenerate: 'Regenerate',
  writeVariations: 'Write $1 variations',
  copyNegative: 'Copy negative prompt',
  negativeCopied: 'Negative prompt copied to the clipboard',
  backToPrompt: 'Back to the prompt',

  // The prompt-craft row and its pickers.
  craftRow: 'Prompt options:',
  takesOne: '1 take',
  takesMany: '$1 takes',
  noStyle: 'No style',
  pickersLegend: 'Prompt options',
  pickTarget: 'Target',
  pickStyle: 'Style',
  pickAspect: 'Aspect ratio',
  pickTakes: 'Variations',
  onePrompt: 'One prompt',
  nVariations: '$1 variations',
  pickersDone: 'Done',
  makeDefault: 'Make default',
  isDefault: 'Default ✓',
  makeDefaultHint: 'Used for new prompts, also from the page menu.',
  editKept: 'Your edit is kept. These settings apply when the prompt is written again.',
  rewrite: 'Rewrite with these settings',
  undoChoice: 'Keep the old settings',

  // The captured text.
  sourceLabel: 'Text sent',
  imageSent: 'Image sent…',
  showAll: 'Show all',
  showLess: 'Show less',
  shortened: 'Shortened from $1 to $2 characters.',
  contextTitle: 'Page title',
  contextAddress: 'Address',
  contextHeading: 'Nearest heading',
  contextAround: 'Surrounding text',
  contextTitleInList: 'page title',
  contextAddressInList: 'address',
  contextHeadingInList: 'nearest heading',
  contextAroundInList: 'surrounding text',
  contextSent: 'Also sent: $1',
  contextNone: 'No page context was sent: only the text.',

  // The prompt and its actions.
  promptLabel: 'Image prompt',
  reading: 'Reading the selection…',
  readingImage: 'Reading the image…',
  starting: 'Starting…',
  writingWith: 'Writing with $1…',
  cancel: 'Cancel',
  characters: '$1 characters',
  copy: 'Copy',
  copied: 'Copied ✓',
  copyTitle: 'Copy the prompt ($1)',
  copiedStatus: 'Prompt copied to the clipboard',
  copyFailed: 'Copy failed: select the text and press Ctrl+C',
  generate: 'Generate image',
  promptReady: 'Prompt ready',
  retryingIn: '$1 — retrying in $2 s (attempt $3 of $4).',
  retryingAnnounce: '$1 — retrying (attempt $2 of $3).',

  // Open in another generator.
  openIn: 'Open in $1',
  otherGenerators: 'Other generators',
  handoffCopied: 'Prompt copied.',
  handoffNotCopied: 'Could not copy the prompt: select it and press Ctrl+C.',
  handoffPrefilled: '$1 opens with it filled in.',
  handoffPaste: 'Paste it into $1.',
  fillOpening: '$1 Opening $2 to put it in its prompt box…',
  fillDone: "$1 It is in $2's prompt box: press its own Generate.",
  fillDoneNegative: "$1 It is in $2's prompt box, with the negative prompt: press its own Generate.",
  fillNoAccess: "$1 Without access to $2, Promptbrush cannot fill $3's prompt box: paste it with $4.",
  fillNoBox: 'Promptbrush found no prompt box on $1.',
  fillNotLoaded: '$1 did not finish loading.',
  fillCannotType: 'Promptbrush could not type into $1.',
  fillPaste: '$1 The prompt is on the clipboard: paste it with $2.',

  // Variations and the negative prompt.
  otherTakes: 'Other takes ($1)',
  copyVariation: 'Copy variation $1',
  useVariation: 'Use variation $1 as the prompt',
  useVariationShort: 'Use variation $1',
  negativeLabel: 'Negative prompt',
  negativeOf: 'Negative prompt: $1',

  // The composer.
  composerLabel: 'New prompt',
  composerField: 'Describe an image, or paste text',
  composerPlaceholder: 'Type or paste a description, or paste or drop an image. $1+Enter writes the prompt.',
  useSelection: 'Use selection on this page',
  writePrompt: 'Write prompt',

  // No key yet.
  keyTitle: 'Add your API key',
  keyMessage:
    'Promptbrush writes prompts with your own OpenAI (or OpenAI-compatible) account. Add a key in Settings; it stays in this browser and is sent only to the endpoint you choose.',
  openSettings: 'Open settings',

  // Error notices (their titles and words are the error table's, utils/error-kinds.ts).
  retry: 'Retry',
  details: 'Details: $1',
  providerWait: 'The provider asks to wait $1 s.',
  errorUnshown: 'Something went wrong ($1), and Promptbrush could not load the words for it. Close and reopen this window.',

  // Images.
  imageSection: 'Image',
  imageStarting: 'Starting the image…',
  imageLoading: 'Loading the image…',
  choosingModel: 'Choosing the image model…',
  drawingWith: 'Drawing with $1…',
  modelPicked: 'No image model chosen in Settings: using $1, the best one your endpoint lists.',
  slowModel: 'This model sends the picture only when it is finished; it often takes 20–60 s.',
  previewAlt: 'Preview $1, still being drawn',
  sizeApproximate: 'The model has no size of exactly $1: $2 is the closest it draws.',
  resultAlt: 'Result: $1',
  resultOfAlt: 'Result $1 of $2: $3',
  download: 'Download',
  copyImage: 'Copy image',
  fullSize: 'Full size',
  imageCopied: 'Image copied to the clipboard (PNG)',
  imageCopyFailed: 'Copy failed: use Download instead',
  imageGone: 'Deleted from history.',
  viewerLabel: 'Full-size image',
  viewerSize: '$1 × $2 px',
  close: 'Close',

  // History view.
  historyView: 'History',
  openingHistory: 'Opening history…',
} as const;

export type PopupStringKey = keyof typeof POPUP_STRINGS;

/** The string for `key`, with `$1`, `$2`… replaced by `subs`. */
export function t(key: PopupStringKey, ...subs: (string | number)[]): string {
  return POPUP_STRINGS[key].replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

const isMac = (platform: string) => /mac|iphone|ipad/i.test(platform);
const platformNow = () => globalThis.navigator?.platform ?? '';

/** The platform's main modifier, as its keyboards print it: ⌘ on a Mac, Ctrl elsewhere. */
export function primaryModifier(platform = platformNow()): string {
  return isMac(platform) ? '⌘' : 'Ctrl';
}

/** The copy shortcut (Ctrl+Shift+C, ⌘⇧C on a Mac) as the platform writes it. */
export function copyShortcut(platform = platformNow()): string {
  return isMac(platform) ? '⌘⇧C' : 'Ctrl+Shift+C';
}
