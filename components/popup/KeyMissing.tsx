export function KeyMissing({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <div class="notice notice-warn" role="alert" data-testid="key-missing">
      <strong>Add your API key</strong>
      <p>
        Promptbrush writes prompts with your own OpenAI (or OpenAI-compatible) account. Add a key in Settings; it stays in this browser and
        is sent only to the endpoint you choose.
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={onOpenOptions}>
          Open settings
        </button>
      </div>
    </div>
  );
}
