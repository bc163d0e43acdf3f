import { render } from 'preact';
import '../../assets/styles.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { currentLang } from '../../lib/ext/runtime';
import { activeTarget, tabSnapshot } from '../../lib/ext/tabs';
import { popupApi } from '../../lib/ext/popup-api';

// The tab-state request leaves as soon as the target tab is known, while the language and the
// background's last answer for the tab (storage.session, no worker hop) are read; the language is
// awaited before the first render so the popup never flashes the wrong one.
const targetP = activeTarget(new URL(location.href));
const firstTab = targetP.then((t) => popupApi.tabState({ tabId: t.tabId, url: t.url }));
firstTab.catch(() => undefined); // handled where PopupBody awaits it
const [lang, target, snapshot] = await Promise.all([currentLang(), targetP, targetP.then((t) => tabSnapshot(t))]);
document.documentElement.lang = lang;
render(<PopupApp lang={lang} target={target} api={popupApi} firstTab={firstTab} snapshot={snapshot} />, document.getElementById('app')!);
