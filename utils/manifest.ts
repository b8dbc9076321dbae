// The manifest, as data: what each build asks the browser for, and why (README "Permissions").
// Pure: wxt.config.ts calls it with the build's browser and mode; a unit test guards it.

export interface ManifestOptions {
  browser: string;
  /** The end-to-end build may reach the localhost test pages without a user gesture. */
  e2e: boolean;
}

/** Origins the end-to-end build may script without a user gesture (never in production). */
export const E2E_HOST_PERMISSIONS = ['http://localhost/*', 'http://127.0.0.1/*'];

/** Endpoints other than OpenAI are asked for one at a time, from a click in the options page. */
export const OPTIONAL_HOST_PERMISSIONS = ['https://*/*', 'http://*/*'];

export const CAPTURE_COMMAND = 'prompt-from-selection';

export function buildManifest({ browser, e2e }: ManifestOptions) {
  const firefox = browser === 'firefox';
  return {
    // The words are in public/_locales/<language>/messages.json; the browser picks the language.
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // sidePanel: "Open in side panel" (Chrome; Firefox's sidebar_action needs no permission).
    permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', ...(firefox ? [] : ['sidePanel'])],
    host_permissions: e2e ? E2E_HOST_PERMISSIONS : [],
    optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
    action: { default_title: '__MSG_extension_name__' },
    commands: {
      [CAPTURE_COMMAND]: {
        // G for "generate": free in Chrome, Firefox and common web apps (utils/shortcut.ts says
        // which keys are not, and why; the end-to-end run checks Chromium assigns it).
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_command_capture__',
      },
    },
    ...(firefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'promptbrush@promptbrush.dev',
              strict_min_version: '140.0',
              // Selected page text goes to the AI provider the person configures.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '127' }),
  };
}
