import { CraftPickers } from './CraftPickers';
import type { PopupCraft } from './usePopupCraft';
import '../shared/craft.css';

/**
 * The popup's pickers, above the prompt. They show the current job's choice (or the remembered
 * defaults when there is no job); a change is remembered as the default and, when there is a
 * captured text, writes its prompt again with the new choice.
 */
export function CraftBar({ craft }: { craft: PopupCraft }) {
  if (!craft.choice) return null;
  return <CraftPickers choice={craft.choice} onChange={(patch) => void craft.change(patch)} />;
}
