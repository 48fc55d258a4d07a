import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Separate bundles from one config: `--mode admin` (the staff UI on react-admin, served at /admin), `--mode book`
 * (the public booking page, plain React, served at /book) and `--mode portal` (the client portal, plain React,
 * served at /portal). Each gets its own output folder under dist/web, so the booking page and the portal never
 * carry the admin framework.
 */
export default defineConfig(({ mode }) => {
  const app = mode === 'book' || mode === 'portal' ? mode : 'admin';
  return {
    root: resolve(here, app),
    base: `/${app}/`,
    publicDir: false,
    // The generated API client (libs/api-client) and the intake forms with their validator (pure, shared with
    // the API), under the same names as in apps/web/tsconfig.json.
    resolve: {
      alias: {
        '@app/api-client': resolve(here, '../../libs/api-client/src'),
        '@app/intake-forms': resolve(here, '../../libs/intake/src/forms'),
        '@app/provinces': resolve(here, '../../libs/reference-data/src/provinces'),
      },
    },
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: resolve(here, '../../dist/web', app),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 2500,
      rolldownOptions: {
        // MUI marks its modules 'use client' for React Server Components; meaningless in this bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
            warn(warning);
          }
        },
      },
    },
  };
});
