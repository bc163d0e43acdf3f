// User settings, kept in extension storage (storage.local) so that the popup can read the
// language without waiting for the service worker. Versioned: every change of shape adds a
// step to MIGRATIONS and a stored snapshot to the migration test.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';

export const SETTINGS_VERSION = 2;
export { SETTINGS_KEY } from './stored-lang';

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  lang: z.enum(['auto', 'sv', 'en']),
  /** Hostnames where the user paused the detector. */
  pausedHosts: z.array(z.string()),
  /** Origins the user granted through optional permissions, so the detector also runs there. */
  extraOrigins: z.array(z.string()),
  /** Remind about a sent report with no answer after this many days; 0 turns reminders off. */
  reminderDays: z.number().int().min(0).max(365),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  lang: 'auto',
  pausedHosts: [],
  extraOrigins: [],
  reminderDays: 14,
};

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] upgrades a version-n object to version n+1. Version 0 is anything stored
 * before settings carried a version (a bare `{ lang }`), which the first build of the
 * options page wrote during development; keeping the step costs nothing.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (old) => ({ lang: old.lang, pausedHosts: [], extraOrigins: [], version: 1 }),
  1: (old) => ({ ...old, reminderDays: DEFAULT_SETTINGS.reminderDays, version: 2 }),
};

/**
 * Read whatever is stored and return valid settings. Unknown or corrupt data falls back to
 * defaults field by field rather than throwing: a broken settings object must never take
 * the popup down.
 */
export function parseSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  let obj = { ...(raw as Record<string, unknown>) };
  let version = typeof obj.version === 'number' ? obj.version : 0;
  while (version < SETTINGS_VERSION && MIGRATIONS[version]) {
    obj = MIGRATIONS[version](obj);
    version += 1;
  }
  const whole = Settings.safeParse(obj);
  if (whole.success) return whole.data;
  // Salvage the fields that are valid.
  const lang = Settings.shape.lang.safeParse(obj.lang);
  const paused = Settings.shape.pausedHosts.safeParse(obj.pausedHosts);
  const extra = Settings.shape.extraOrigins.safeParse(obj.extraOrigins);
  const reminder = Settings.shape.reminderDays.safeParse(obj.reminderDays);
  return {
    ...DEFAULT_SETTINGS,
    ...(lang.success && { lang: lang.data }),
    ...(paused.success && { pausedHosts: paused.data }),
    ...(extra.success && { extraOrigins: extra.data }),
    ...(reminder.success && { reminderDays: reminder.data }),
  };
}
