// Browser glue: which external generator the person used last (one click from the prompt next time).
import { storage } from 'wxt/utils/storage';

export const lastGeneratorItem = storage.defineItem<string>('local:lastGenerator', { fallback: '' });
