/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/**
 * The console is built into dist/web, which the service serves (src/console/serve-console.ts).
 * JSX goes through Vite 8's built-in oxc transform (automatic runtime): no React plugin needed.
 * `npm run dev:web` serves it with hot reload and forwards the API to the service on :3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No inline module-preload polyfill or inline assets: the Content-Security-Policy forbids inline code.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Server Components' "use client" markers mean nothing in a browser bundle.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/status': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
