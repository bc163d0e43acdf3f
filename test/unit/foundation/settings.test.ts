import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION } from '../../../lib/settings';

// Snapshots of what earlier versions stored, exactly as stored. Each schema change adds one.
const STORED = {
  v0: { lang: 'en' },
  v1: { version: 1, lang: 'sv', pausedHosts: ['www.goteborg.se'], extraOrigins: ['https://www.1177.se/*'] },
  v2: { version: 2, lang: 'en', pausedHosts: ['www.goteborg.se'], extraOrigins: [], reminderDays: 30 },
};

describe('settings storage', () => {
  it('upgrades a v0 snapshot (no version) keeping the language', () => {
    expect(parseSettings(STORED.v0)).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
  });

  it('upgrades a v1 snapshot to v2 keeping every field and adding the reminder days', () => {
    expect(parseSettings(STORED.v1)).toEqual({ ...STORED.v1, version: 2, reminderDays: 14 });
  });

  it('reads a current snapshot unchanged', () => {
    expect(parseSettings(STORED.v2)).toEqual(STORED.v2);
    expect(SETTINGS_VERSION).toBe(2);
  });

  it.each([null, undefined, 'x', 42, [], { version: 99 }])('falls back to defaults for %j', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('salvages the valid fields of a damaged object', () => {
    const got = parseSettings({ version: 2, lang: 'en', pausedHosts: 'oops', extraOrigins: [1, 2], reminderDays: -3 });
    expect(got).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
  });
});

describe('settings migrations, every version', () => {
  it('there is a stored snapshot for every version from 0 to the current one', () => {
    expect(Object.keys(STORED)).toEqual(Array.from({ length: SETTINGS_VERSION + 1 }, (_, i) => `v${i}`));
  });

  it.each(Object.entries(STORED))('%s upgrades to valid current settings that keep every field it had', (_v, stored) => {
    const got = parseSettings(structuredClone(stored));
    expect(got.version).toBe(SETTINGS_VERSION);
    for (const [k, v] of Object.entries(stored)) if (k !== 'version') expect(got[k as keyof typeof got], k).toEqual(v);
  });

  it('settings from a newer build keep the fields this build knows instead of falling back to defaults', () => {
    const newer = { version: SETTINGS_VERSION + 1, lang: 'en', pausedHosts: ['www.goteborg.se'], extraOrigins: ['https://www.1177.se/*'], reminderDays: 30, theme: 'dark' };
    expect(parseSettings(newer)).toEqual({ version: SETTINGS_VERSION, lang: 'en', pausedHosts: ['www.goteborg.se'], extraOrigins: ['https://www.1177.se/*'], reminderDays: 30 });
  });
});
