/** A sentence from the messages whose placeholders ({{selection}}, {prompt}) show as code. */
export function CodeText({ text }: { text: string }) {
  const parts = text.split(/(\{\{\w+\}\}|\{\w+\})/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={`${index}${part}`}>{part}</code> : part))}</>;
}
