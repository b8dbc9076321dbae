// The capture script: injected with scripting.executeScript only when the person asks, it
// returns the selection and page details as the script's result. It is an unlisted script (not
// a manifest content script) so that nothing runs on pages the person never uses it on, and it
// carries no polyfill: it touches no extension API at all.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '../utils/capture-page';

export default defineUnlistedScript(() => capturePage(window));
