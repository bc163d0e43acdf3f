import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // The UI and background import the promise-based polyfill; in unit tests it is WXT's fake browser.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./test/support/polyfill-mock.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 15_000,
  },
});
