import browser from 'webextension-polyfill';
import { render } from 'preact';
import '../../assets/styles.css';
import { OptionsApp, type OptionsApi } from '../../components/options/OptionsApp';
import { callBackground, uiLanguage } from '../../lib/ext/runtime';
import { reportApi } from '../../lib/ext/report-api';

// Settings go through the versioned schema (zod): a chunk of its own, so the first-load chunk the
// popup shares with this page stays free of it (wxt.config.ts, firstLoadChunk).
const { loadSettings, saveSettings } = await import('../../lib/ext/settings-store');

const api: OptionsApi = {
  reports: reportApi,
  save: saveSettings,
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  removeOrigin: async (pattern) => {
    await browser.permissions.remove({ origins: [pattern] });
  },
  listCorrections: async () => (await callBackground('list-corrections', {})).items,
  clearCorrections: async (key) => {
    await callBackground('clear-corrections', key ? { key } : {});
  },
  cacheStats: () => callBackground('cache-stats', {}),
  clearCache: async () => {
    await callBackground('cache-clear', {});
  },
};

const settings = await loadSettings();
render(<OptionsApp initial={settings} uiLanguage={uiLanguage()} api={api} />, document.getElementById('app')!);
