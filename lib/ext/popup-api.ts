import browser from 'webextension-polyfill';
import { callBackground, loadSettings, saveSettings } from './runtime';
import type { PopupApi } from '../../components/popup/api';

export const popupApi: PopupApi = {
  tabState: (req) => callBackground('tab-state', req),
  orgItems: (req) => callBackground('org-items', req),
  itemDetail: (req) => callBackground('item-detail', req),
  findPublishers: (text) => callBackground('find-publishers', { text }),
  setCorrection: (req) => callBackground('set-correction', req),
  openOptions: () => void browser.runtime.openOptionsPage(),
  now: () => Date.now(),
  async setPaused(host, paused) {
    const s = await loadSettings();
    const rest = s.pausedHosts.filter((h) => h !== host);
    await saveSettings({ ...s, pausedHosts: paused ? [...rest, host] : rest });
  },
};
