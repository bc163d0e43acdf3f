import '../../lib/zod-setup';
import { render } from 'preact';
import '../../assets/styles.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { currentLang } from '../../lib/ext/runtime';
import { activeTarget } from '../../lib/ext/tabs';
import { popupApi } from '../../lib/ext/popup-api';

// Language and target tab are read before the first render so the popup never flashes the
// wrong language.
const [lang, target] = await Promise.all([currentLang(), activeTarget(new URL(location.href))]);
document.documentElement.lang = lang;
render(<PopupApp lang={lang} target={target} api={popupApi} />, document.getElementById('app')!);
