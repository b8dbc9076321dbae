// The image script: injected with scripting.executeScript only when the person asks for a prompt
// from an image, right after a one-line injection that leaves the image's address in this
// isolated world. Like the capture script, it touches no extension API and returns its result.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureImage } from '../utils/capture-image';
import { IMAGE_SRC_GLOBAL } from '../utils/image-source';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const src = scope[IMAGE_SRC_GLOBAL];
  delete scope[IMAGE_SRC_GLOBAL];
  return captureImage(window, typeof src === 'string' ? src : '');
});
