import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Hosts the detector runs on without a click. Everything else only through activeTab
// (popup opened) or an optional permission the user grants in options.
export const PUBLIC_SECTOR_MATCHES = ['*://*.se/*', '*://*.stockholm/*'];
export const REGISTRY_ORIGIN = 'https://admin.dataportal.se/*';

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
  vite: () => ({ plugins: [preact()] }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-sources.zip' },
});
