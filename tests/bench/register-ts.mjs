// Lets plain Node run the bench's TypeScript: Node ≥ 22.18 strips types by itself, but resolves
// only the relative imports it is given verbatim, and the project writes them without extensions
// (for the bundler), e.g. `from '../fixtures/fake-openai'`. This resolve hook retries such a
// specifier with `.ts`, `.tsx` and `/index.ts` when it does not resolve as written. Nothing else
// changes: no transpiler, no new dependency. Used as `node --import ./tests/bench/register-ts.mjs FILE.ts`.
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

if (typeof nodeModule.registerHooks !== 'function' || !process.features.typescript) {
  throw new Error(
    `The bench needs Node >= 22.18 (type stripping and module.registerHooks); this is ${process.version}. Run it as npm run bench.`,
  );
}

const SUFFIXES = ['.ts', '.tsx', '/index.ts'];

nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (relative && context.parentURL?.startsWith('file:') && !existsSync(fileURLToPath(new URL(specifier, context.parentURL)))) {
      for (const suffix of SUFFIXES) {
        const candidate = new URL(specifier + suffix, context.parentURL);
        if (existsSync(fileURLToPath(candidate))) return nextResolve(candidate.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});
