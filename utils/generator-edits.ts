// Editing the generator list in Settings: a "Custom site" row, and which site permissions a new
// list no longer needs. Pure; apart from utils/generators.ts so the popup does not load it.
import { type ExternalGenerator, isValidTemplate, newGeneratorId, row, selectors, sitePattern } from './generators';

/** The host permissions the fill rows of a list use. */
export function fillPatterns(list: readonly ExternalGenerator[]): Set<string> {
  const out = new Set<string>();
  for (const g of list) {
    const pattern = g.mode === 'fill' ? sitePattern(g.urlTemplate) : null;
    if (pattern) out.add(pattern);
  }
  return out;
}

/**
 * Site permissions to give back after the list changed: used by a fill row before, by none now,
 * and not needed for anything else (`keep`: the provider endpoint's pattern, for example).
 */
export function unusedSitePatterns(
  before: readonly ExternalGenerator[],
  after: readonly ExternalGenerator[],
  keep: readonly string[],
): string[] {
  const still = fillPatterns(after);
  return [...fillPatterns(before)].filter((p) => !still.has(p) && !keep.includes(p));
}

/** A "Custom site" row: fill the box at this address (found by the selector, or by the fallback). */
export function customSite(url: string, selector: string, existing: readonly ExternalGenerator[]): ExternalGenerator | null {
  const address = url.trim();
  if (!isValidTemplate(address)) return null;
  const host = new URL(address.replaceAll('{prompt}', 'x').replaceAll('{negative}', 'x')).hostname.replace(/^www\./, '');
  const name = host.slice(0, 60) || 'Custom site';
  return row({
    id: newGeneratorId(host, existing),
    name,
    urlTemplate: address,
    mode: 'fill',
    promptSelectors: selectors([selector]),
  });
}
