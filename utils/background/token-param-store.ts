// Browser glue: which token-limit parameter each endpoint takes (utils/background/answer-bounds.ts),
// learnt once from a refusal and remembered in storage.session, so the next requests (also after
// the worker was stopped) go out right the first time.
import { storage } from 'wxt/utils/storage';
import { isTokenParam, type TokenParam } from './answer-bounds';

const tokenParamsItem = storage.defineItem<Record<string, string>>('session:tokenParams', { fallback: {} });

export async function tokenParamFor(baseUrl: string): Promise<TokenParam> {
  const known = (await tokenParamsItem.getValue().catch((): Record<string, string> => ({})))[baseUrl];
  return isTokenParam(known) ? known : 'max_completion_tokens';
}

export async function rememberTokenParam(baseUrl: string, param: TokenParam): Promise<void> {
  const known = await tokenParamsItem.getValue().catch((): Record<string, string> => ({}));
  await tokenParamsItem.setValue({ ...known, [baseUrl]: param }).catch(() => undefined);
}
