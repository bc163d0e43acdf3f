import browser from 'webextension-polyfill';
import { callBackground } from './runtime';
import type { PopupApi } from '../../components/popup/api';

export const popupApi: PopupApi = {
  tabState: (req) => callBackground('tab-state', req),
  orgItems: (req) => callBackground('org-items', req),
  itemDetail: (req) => callBackground('item-detail', req),
  findPublishers: (text) => callBackground('find-publishers', { text }),
  setCorrection: (req) => callBackground('set-correction', req),
  openOptions: () => void browser.runtime.openOptionsPage(),
  now: () => Date.now(),
};
