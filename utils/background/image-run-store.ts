// The background's writes to the latest image run (the item itself: utils/image-run-item.ts).
// Every change goes through one queue so writes never interleave. The run refers to its images
// by id; their bytes are in the history database (utils/history-store.ts).
import { imageRunItem } from '../image-run-item';
import { serialUpdates } from '../serial-updates';

const runUpdates = serialUpdates(imageRunItem);

/** Applies `change` to the stored run, in order with every other change made by this context. */
export const mutateImageRun = runUpdates.update;

/** Changes the run only if it is still the one with this id. */
export const mutateImageRunById = runUpdates.updateById;
