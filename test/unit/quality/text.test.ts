import { describe, expect, it } from 'vitest';
import { BAND_NAMES, DIMENSION_NAMES, gapText, INDICATOR_NAMES, QUALITY_STRINGS } from '../../../lib/quality/text';
import { scoreItem, type Gap } from '../../../lib/quality/score';
import { detail, dist } from './fixtures';

describe('quality texts', () => {
  it('every text has Swedish and English with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const table of [QUALITY_STRINGS, BAND_NAMES, DIMENSION_NAMES, INDICATOR_NAMES] as Record<string, { sv: string; en: string }>[]) {
      for (const [key, v] of Object.entries(table)) {
        expect(v.sv.trim(), key).not.toBe('');
        expect(v.en.trim(), key).not.toBe('');
        expect(names(v.sv), key).toEqual(names(v.en));
      }
    }
  });

  it.each<[Gap, string, string]>([
    [{ key: 'licence', n: 2, total: 3 }, 'no licence on 2 of 3 distributions', 'ingen licens på 2 av 3 distributioner'],
    [{ key: 'licence', n: 1, total: 1 }, 'no licence', 'ingen licens'],
    [{ key: 'licence', n: 3, total: 3 }, 'no licence on any of the 3 distributions', 'ingen licens på någon av de 3 distributionerna'],
    [{ key: 'contactPoint' }, 'no contact point', 'ingen kontaktpunkt'],
    [{ key: 'nonProprietary', n: 2, total: 2, values: ['XLSX'] }, 'a format owned by one vendor on all 2 distributions (XLSX)', 'format som ägs av en leverantör på alla 2 distributionerna (XLSX)'],
    [{ key: 'downloadUrlAnswers', n: 1, total: 2, values: ['404', 'timeout'] }, 'the download link does not answer on 1 of 2 distributions (HTTP 404, timed out)', 'nedladdningslänken svarar inte på 1 av 2 distributioner (HTTP 404, svarar inte i tid)'],
    [{ key: 'dcatAp', values: ['description'] }, 'does not meet DCAT-AP (description missing)', 'följer inte DCAT-AP (beskrivning saknas)'],
  ])('%o', (gap, en, sv) => {
    expect(gapText('en', gap)).toBe(en);
    expect(gapText('sv', gap)).toBe(sv);
  });

  it('a record with licence gaps reads as the issue asks', () => {
    const s = scoreItem(detail({ distributions: [dist(1), dist(2, { licence: undefined }), dist(3, { licence: undefined })] }));
    expect(s.gaps.map((g) => gapText('en', g))).toContain('no licence on 2 of 3 distributions');
  });
});
