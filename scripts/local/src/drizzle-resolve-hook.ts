import module, { type ResolveFnOutput, type ResolveHookContext } from 'node:module';

// Node 22 works out the format of every `.js` module it resolves from the nearest package.json, and each time
// re-parses that file's `exports` (a getter that `getPackageScopeConfig` spreads). drizzle-orm's package.json
// is 179 KB and a command loads about 120 of its files: 0.2 s of CPU per process start, a quarter of
// `alex portfolio show`. drizzle-orm is `"type": "module"` with no nested package.json, so a relative `.js`
// import from one of its `.js` files is an ES module of the same package: this hook says so without asking.
const DRIZZLE_DIR = '/node_modules/drizzle-orm/';

type NextResolve = (specifier: string, context?: Partial<ResolveHookContext>) => ResolveFnOutput;

/** A `module.registerHooks` resolve hook: drizzle-orm's relative imports as ES modules, the rest as Node does. */
export function resolveDrizzleModule(
  specifier: string,
  context: ResolveHookContext,
  nextResolve: NextResolve,
): ResolveFnOutput {
  const parent = context.parentURL ?? '';
  const at = parent.startsWith('file:') ? parent.lastIndexOf(DRIZZLE_DIR) : -1;
  if (at >= 0 && parent.endsWith('.js') && /^\.\.?\/.*\.js$/.test(specifier)) {
    const url = new URL(specifier, parent).href;
    if (url.startsWith(parent.slice(0, at + DRIZZLE_DIR.length))) {
      return { url, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

// Imported for this side effect: first by the CLI's entry, and with --import by the processes it spawns.
// `registerHooks` came in Node 22.15: an older Node resolves as before, and reaches main.ts's version check.
if (typeof module.registerHooks === 'function') module.registerHooks({ resolve: resolveDrizzleModule });
