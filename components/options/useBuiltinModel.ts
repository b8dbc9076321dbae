import { useEffect, useState } from 'preact/hooks';
import { type BuiltinState, builtinState, type LanguageModelApi, languageModelIn } from '../../utils/builtin-model';

/** Chrome's built-in model as this page sees it: feature-detected, never assumed. */
export function useBuiltinModel(scope: object = globalThis): {
  api: LanguageModelApi | undefined;
  state: BuiltinState;
  refresh: () => void;
} {
  const api = languageModelIn(scope);
  const [state, setState] = useState<BuiltinState>(api ? 'unavailable' : 'absent');
  const refresh = () => void builtinState(api).then(setState);
  useEffect(refresh, []);
  return { api, state, refresh };
}
