// The fill script: injected with scripting.executeScript into the one tab the person sent a prompt
// to, only after they allowed that site. It defines one function in the extension's isolated world;
// the background then calls it with the prompt as `args` of a second injected function (the page
// never messages the extension). Like the capture script, it carries no polyfill and touches no
// extension API.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FILL_GLOBAL, type FillRequest, fillPage } from '../utils/fill-page';

export default defineUnlistedScript(() => {
  Object.assign(globalThis, { [FILL_GLOBAL]: (request: FillRequest) => fillPage(window, request) });
});
