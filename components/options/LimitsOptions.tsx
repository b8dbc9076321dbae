import type { Settings } from '../../utils/settings';
import { LimitField } from './LimitField';

interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** How much text is sent, and how long the model may take. */
export function LimitsOptions({ settings, update }: Props) {
  return (
    <fieldset>
      <legend>Limits</legend>
      <LimitField
        id="max-chars"
        label="Longest selection sent (characters)"
        setting="maxSelectionChars"
        settings={settings}
        update={update}
      />
      <LimitField
        id="timeout"
        label="Give up on the model after (seconds)"
        setting="requestTimeoutSeconds"
        settings={settings}
        update={update}
      />
      <LimitField
        id="idle-timeout"
        label="Give up on an answer that falls silent after (seconds)"
        setting="idleTimeoutSeconds"
        settings={settings}
        update={update}
      />
    </fieldset>
  );
}
