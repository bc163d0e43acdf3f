import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// Hosts the detector runs on without a click. Everything else only through activeTab
// (popup opened) or an optional permission the user grants in options.
export const PUBLIC_SECTOR_MATCHES = ['*://*.se/*', '*://*.stockholm/*'];
export const REGISTRY_ORIGIN = 'https://admin.dataportal.se/*';

/**
 * The popup's first content waits for every script file it loads, and each extension file costs a
 * request to the browser process: one first-load chunk (all modules the popup and options pages
 * import statically: no zod, see scripts/size.mjs) instead of a dozen small shared ones. Views loaded
 * on demand keep their own chunks. Only the build of the HTML pages is touched (WXT builds content
 * scripts and the background as single files on their own).
 */
function firstLoadChunk(): Plugin {
  return {
    name: 'insyn-first-load-chunk',
    config(config) {
      const input = config.build?.rollupOptions?.input;
      if (!input || typeof input !== 'object' || Array.isArray(input) || !('popup' in input)) return;
      // The entry modules themselves stay in their pages' own chunks (each page runs only its own main).
      const group = { name: 'first-load', tags: ['$initial' as const], test: (id: string) => !/[\\/]entrypoints[\\/]/.test(id) };
      return { build: { rollupOptions: { output: { codeSplitting: { groups: [group] } } } } };
    },
  };
}

export default defineConfig({
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Insyn',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    host_permissions: [REGISTRY_ORIGIN, ...PUBLIC_SECTOR_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'insyn@insyn.se',
          // data_collection_permissions needs Firefox 140 (Android 142).
          strict_min_version: '140.0',
          // Firefox's data-collection consent: Insyn collects nothing.
          data_collection_permissions: { required: ['none'] },
        } as Record<string, unknown>,
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({ plugins: [preact(), firstLoadChunk()] }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-sources.zip' },
});
