import { LIMITS, type Settings } from '../utils/settings';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** How much text is sent, and how long the model may take. */
export function LimitsOptions({ settings, update }: Props) {
  return (
    <fieldset>
      <legend>Limits</legend>
      <label for="max-chars">Longest selection sent (characters)</label>
      <input
        id="max-chars"
        type="number"
        min={LIMITS.maxSelectionChars.min}
        max={LIMITS.maxSelectionChars.max}
        value={settings.maxSelectionChars}
        onInput={(e) => update({ maxSelectionChars: e.currentTarget.valueAsNumber })}
      />
      <label for="timeout">Give up on the model after (seconds)</label>
      <input
        id="timeout"
        type="number"
        min={LIMITS.requestTimeoutSeconds.min}
        max={LIMITS.requestTimeoutSeconds.max}
        value={settings.requestTimeoutSeconds}
        onInput={(e) => update({ requestTimeoutSeconds: e.currentTarget.valueAsNumber })}
      />
    </fieldset>
  );
}
