import { LIMITS, type Settings } from '../../utils/settings';

type LimitKey = keyof typeof LIMITS & keyof Settings;

interface Props {
  id: string;
  label: string;
  setting: LimitKey;
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** A numeric setting with the range the settings schema allows (validateSettings clamps it too). */
export function LimitField({ id, label, setting, settings, update }: Props) {
  const range = LIMITS[setting];
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={range.min}
        max={range.max}
        value={settings[setting]}
        onInput={(e) => update({ [setting]: e.currentTarget.valueAsNumber })}
      />
    </>
  );
}
