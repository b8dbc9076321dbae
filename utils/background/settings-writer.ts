// Browser glue: the one writer of the settings. Pages send their patches here (the
// `updateSettings` message); the background's own changes call it directly. One queue in one
// context, so patches never interleave and none undoes another.
import { settingsWriter } from '../settings-patch';
import { settingsItem } from './settings-item';

const writer = settingsWriter(settingsItem);

/** Changes the named fields only, after every earlier change; resolves to the stored settings. */
export const updateSettings = writer.update;
