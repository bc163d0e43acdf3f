import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION } from '../../../lib/settings';

// Snapshots of what earlier versions stored, exactly as stored. Each schema change adds one.
const STORED = {
  v0: { lang: 'en' },
  v1: { version: 1, lang: 'sv', pausedHosts: ['www.goteborg.se'], extraOrigins: ['https://www.1177.se/*'] },
};

describe('settings storage', () => {
  it('upgrades a v0 snapshot (no version) keeping the language', () => {
    expect(parseSettings(STORED.v0)).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
  });

  it('reads a current snapshot unchanged', () => {
    expect(parseSettings(STORED.v1)).toEqual(STORED.v1);
    expect(SETTINGS_VERSION).toBe(1);
  });

  it.each([null, undefined, 'x', 42, [], { version: 99 }])('falls back to defaults for %j', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('salvages the valid fields of a damaged object', () => {
    const got = parseSettings({ version: 1, lang: 'en', pausedHosts: 'oops', extraOrigins: [1, 2] });
    expect(got).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
  });
});
