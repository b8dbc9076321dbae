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

/** Loopback, private-network and link-local hosts, and names that only resolve on a local network. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || /\.(localhost|local|lan|internal|home\.arpa)$/.test(host)) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
}

/** A plain http:// endpoint on the open internet: a key sent there travels unencrypted. */
export function isInsecureRemote(baseUrl: string | null): boolean {
  if (!baseUrl) return false;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' && !isLocalHost(url.hostname);
  } catch {
    return false;
  }
}

/** Every host pattern the settings point at (any http(s) address in them: endpoints of every kind). */
export function hostPatternsIn(settings: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const pattern = /^https?:\/\//i.test(value) ? hostPatternFor(value) : null;
      if (pattern) found.add(pattern);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(settings);
  return found;
}

/**
 * The host permissions an endpoint change leaves unused: patterns the old settings' endpoints
 * needed that nothing in the new settings points at any more (external generators' pages are
 * opened as tabs and need none, but are kept anyway: they are in the settings).
 */
export function hostPatternsLeft(before: { baseUrl: string }, after: unknown): string[] {
  const old = hostPatternFor(before.baseUrl);
  if (!old || !needsHostPermission(before.baseUrl)) return [];
  return hostPatternsIn(after).has(old) ? [] : [old];
}
