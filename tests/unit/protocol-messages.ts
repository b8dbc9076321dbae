// Every message of the protocol, listed by hand from ProtocolMap (utils/protocol.ts). The
// `satisfies` makes the type checker fail here when a message is added to or removed from the
// map without this list following; the tests then compare it with the validators and handlers,
// which are plain objects at run time.
import type { MessageType } from '../../utils/protocol';

export const DECLARED_MESSAGES = {
  expandText: true,
  captureTab: true,
  cancelJob: true,
  retryJob: true,
  editPrompt: true,
  saveApiKey: true,
  setKeyStorage: true,
  clearApiKey: true,
  getKeyStatus: true,
  testConnection: true,
  listModels: true,
  generateImage: true,
  cancelImage: true,
  reuseJob: true,
  checkJob: true,
  regenerate: true,
  chooseVariation: true,
  editNegativePrompt: true,
  historyUsage: true,
  updateSettings: true,
  clearJob: true,
  fillGenerator: true,
  expandImage: true,
  imageKey: true,
  testImageBackend: true,
} as const satisfies Record<MessageType, true>;

/** Messages of the protocol that a table (validators, handlers) lacks a function for, and names it has that are no message. */
export function tableGaps(table: object): { missing: string[]; extra: string[] } {
  const declared = Object.keys(DECLARED_MESSAGES);
  const present = Object.entries(table)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name);
  return {
    missing: declared.filter((name) => !present.includes(name)).sort(),
    extra: Object.keys(table)
      .filter((name) => !declared.includes(name))
      .sort(),
  };
}
