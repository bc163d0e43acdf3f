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
