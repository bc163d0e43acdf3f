import { useState } from 'preact/hooks';
import { useI18n } from './i18n';

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        } catch {
          // Clipboard refused (no user gesture, permissions): the text stays visible to copy by hand.
        }
      }}
      aria-label={label ? `${t('copy')}: ${label}` : t('copy')}
    >
      {done ? t('copied') : t('copy')}
    </button>
  );
}
