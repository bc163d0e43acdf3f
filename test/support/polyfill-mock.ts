// Stands in for `webextension-polyfill` under Vitest: the same fake browser WXT gives `wxt/browser`.
import { fakeBrowser } from 'wxt/testing/fake-browser';
export default fakeBrowser;
export const browser = fakeBrowser;
