// The base URL of an OpenAI-compatible endpoint, as the SDK expects it. Pure.

/**
 * Users paste base URLs in many shapes: with or without `/v1`, with a trailing slash, without
 * the scheme, or with an endpoint path (`/chat/completions`, `/models`) still on. Returns the
 * base the SDK expects, or null when the text is not an http(s) URL (or carries a password).
 */
export function normalizeBaseUrl(input: string): string | null {
  let text = input.trim();
  if (text === '') return null;
  // "localhost:11434" or "api.example.com/v1": no scheme. Local servers speak plain http.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    if (!/^([\w-]+\.[\w.-]+|localhost|\[[0-9a-f:]+\])(:\d+)?(\/|$)/i.test(text)) return null;
    text = `${/^(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/i.test(text) ? 'http' : 'https'}://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // A key in the address would be sent everywhere the address is shown or logged.
  if (url.username || url.password) return null;
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/(chat\/completions|completions|models|embeddings|images\/generations|images\/edits|responses)$/, '');
  // Ollama's native API paths (/api/chat, /api/tags…): its OpenAI-compatible API is /v1.
  if (/^\/api\/(chat|generate|tags)$/.test(path) && url.port === '11434') path = '';
  // OpenRouter's API lives under /api/v1.
  if (url.hostname === 'openrouter.ai' && (path === '' || path === '/api')) path = '/api/v1';
  if (path === '') path = '/v1';
  return `${url.origin}${path}`;
}
