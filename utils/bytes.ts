// Sizes as people read them, in their language's number format. Pure.

export const MB = 1024 * 1024;

/** "512 B", "1.5 KB", "200 MB" (binary units); `language` formats the number ("1,5 KB" in German). */
export function formatBytes(bytes: number, language = 'en'): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < MB) return `${number(bytes / 1024, 1)} KB`;
  return `${number(bytes / MB, bytes % MB === 0 ? 0 : 1)} MB`;
}
