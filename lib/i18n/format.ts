// Formatting of dates, ages and sizes for the UI. Dates are shown as ISO dates (2025-03-02):
// the Swedish norm, unambiguous in English, and what the metadata itself says.
import type { Lang } from './lang';
import { t } from './translate';

export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value.trim());
  return m?.[1];
}

export function formatAge(lang: Lang, ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return t(lang, 'agoJustNow');
  if (min < 60) return t(lang, 'agoMinutes', { n: min });
  const h = Math.floor(min / 60);
  if (h < 48) return t(lang, 'agoHours', { n: h });
  return t(lang, 'agoDays', { n: Math.floor(h / 24) });
}

export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  const n = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v);
  return `${n} ${units[i]}`;
}

export function formatOrgNumber(digits: string | undefined): string | undefined {
  if (!digits || !/^\d{10}$/.test(digits)) return digits;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
