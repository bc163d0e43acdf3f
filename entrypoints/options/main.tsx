import browser from 'webextension-polyfill';
import { render } from 'preact';
import '../../assets/styles.css';
import { OptionsApp, type OptionsApi } from '../../components/options/OptionsApp';
import { callBackground, uiLanguage } from '../../lib/ext/runtime';
import { loadSettings, saveSettings } from '../../lib/ext/settings-store';
import { reportApi } from '../../lib/ext/report-api';

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
