// The performance budgets, in one place: `npm run bench` reports against all of them,
// and tests/build/size-budgets.test.ts asserts the size ones on every `npm test`.
export const BUDGETS = {
  /** Bytes of extension script in a page where the person never used the extension. */
  injectedBytes: 0,
  /** The capture script, minified. */
  captureMinifiedBytes: 4 * 1024,
  /** JavaScript the popup loads when it opens, gzipped. */
  popupGzipBytes: 30 * 1024,
  /** Opening the popup page → first render of the last job, median (on a quiet machine; load moves it most). */
  popupOpenMs: 60,
  /** Trigger (click on "Write prompt") → request at the server, median. */
  triggerToRequestMs: 50,
  /** A chunk written by the server → that text in the popup's DOM, median. */
  tokenToScreenMs: 50,
  /** Time to first token through the extension ÷ the openai SDK from Node, medians. */
  overheadRatio: 1.15,
} as const;
