import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Modules whose import-time work no Lambda needs: esbuild may drop each one whole when nothing that a Lambda
 * runs uses its exports (package.json `sideEffects: false`, which these packages do not declare). The
 * MCP client reaches every bundle only through `@openai/agents-core`'s Node shims, which re-export the stdio,
 * SSE and streamable-HTTP MCP servers; no agent builds an MCP server.
 */
const SIDE_EFFECT_FREE = [
  /[\\/]@modelcontextprotocol[\\/]/,
  /[\\/]@openai[\\/]agents-core[\\/]dist[\\/]shims[\\/]mcp-server[\\/]/,
] as const;

/** Whether a resolved module path is in {@link SIDE_EFFECT_FREE}. */
export function isSideEffectFree(path: string): boolean {
  return SIDE_EFFECT_FREE.some((pattern) => pattern.test(path));
}

/** The namespace of zod's one-locale index, for esbuild. */
const ZOD_LOCALES = 'alex-zod-locales';

/** Marks the plugin's own `build.resolve` calls, so they are not intercepted again. */
const RESOLVING = Symbol('alex-bundle-cuts');

/** Only imports of, or from inside, these modules can resolve to a {@link SIDE_EFFECT_FREE} path. */
const MAY_BE_SIDE_EFFECT_FREE = /modelcontextprotocol|mcp-server/;

// zod's `z.locales` and `z.core.locales` namespaces list 40-odd translations (about 260 KB minified). Any
// `import { z } from 'zod'` makes the whole namespace object, so all of them are bundled although only
// English (registered by zod's schemas.js on the first schema) is ever used: nothing calls `z.config()`.
const ZOD_LOCALES_INDEX = /^\.\.\/locales\/index\.js$/;
const ZOD_IMPORTER = /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/;

/**
 * Cuts what no Lambda path uses: marks {@link SIDE_EFFECT_FREE} modules so unused ones are dropped, and gives
 * zod's locale namespaces English alone. build-lambdas.test.ts proves no bundled module reads another locale.
 */
export function bundleCutsPlugin(): Plugin {
  return {
    name: 'alex-bundle-cuts',
    setup(build) {
      build.onResolve({ filter: ZOD_LOCALES_INDEX }, (args) => {
        if (!ZOD_IMPORTER.test(args.importer)) return undefined;
        return { path: join(dirname(args.importer), '..', 'locales'), namespace: ZOD_LOCALES };
      });
      build.onLoad({ filter: /.*/, namespace: ZOD_LOCALES }, (args) => ({
        contents: "export { default as en } from './en.js';\n",
        resolveDir: args.path,
        loader: 'js',
      }));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === RESOLVING || args.namespace !== 'file') return undefined;
        if (!MAY_BE_SIDE_EFFECT_FREE.test(args.path) && !MAY_BE_SIDE_EFFECT_FREE.test(args.importer)) {
          return undefined;
        }
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: RESOLVING,
        });
        if (resolved.errors.length > 0 || !isSideEffectFree(resolved.path)) return undefined;
        return { ...resolved, sideEffects: false };
      });
    },
  };
}
