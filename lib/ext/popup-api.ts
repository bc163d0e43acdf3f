import browser from 'webextension-polyfill';
import { callBackground } from './runtime';
import type { PopupApi } from '../../components/popup/api';
import { reportApi } from './report-api';

export const popupApi: PopupApi = {
  ...reportApi,
  tabState: (req) => callBackground('tab-state', req),
  orgItems: (req) => callBackground('org-items', req),
  itemDetail: (req) => callBackground('item-detail', req),
  findPublishers: (text) => callBackground('find-publishers', { text }),
  setCorrection: (req) => callBackground('set-correction', req),
  openOptions: () => void browser.runtime.openOptionsPage(),
  now: () => Date.now(),
  pageData: (req) => callBackground('page-data', req),
  pageMatch: (req) => callBackground('page-match', req),
  linkCheck: (req) => callBackground('link-check', req),
  requestOrigins(origins) {
    // permissions.request is called synchronously, so it stays inside the user's click.
    const asked = browser.permissions.request({ origins });
    return asked.then(async (all) => {
      if (all) return origins;
      const granted: string[] = [];
      for (const o of origins) if (await browser.permissions.contains({ origins: [o] }).catch(() => false)) granted.push(o);
      return granted;
    });
  },
  async setPaused(host, paused) {
    // Full settings (with zod) load on demand: pausing is a click, not the first content.
    const { loadSettings, saveSettings } = await import('./settings-store');
    const s = await loadSettings();
    const rest = s.pausedHosts.filter((h) => h !== host);
    await saveSettings({ ...s, pausedHosts: paused ? [...rest, host] : rest });
  },
};
