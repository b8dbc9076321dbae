// Which host permission an endpoint needs, as a match pattern. Pure.
// OpenAI's own API answers browser (CORS) requests, so the default endpoint needs no permission;
// every other endpoint is asked for, one host at a time, from a click in the options page.
import { DEFAULT_BASE_URL } from './settings';

/** `scheme://host/*` for the endpoint (any port: match patterns treat a missing port as any). */
export function hostPatternFor(baseUrl: string): string | null {
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

export function needsHostPermission(baseUrl: string): boolean {
  const pattern = hostPatternFor(baseUrl);
  return pattern !== null && pattern !== hostPatternFor(DEFAULT_BASE_URL);
}

/** The host as a person reads it: "localhost", "openrouter.ai". */
export function hostLabel(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return baseUrl;
  }
}
