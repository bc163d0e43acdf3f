import '../../lib/zod-setup';
import { render } from 'preact';
import '../../assets/styles.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { loadSettings, saveSettings, uiLanguage } from '../../lib/ext/runtime';

const settings = await loadSettings();
render(
  <OptionsApp initial={settings} uiLanguage={uiLanguage()} save={saveSettings} />,
  document.getElementById('app')!,
);
