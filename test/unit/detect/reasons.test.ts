import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASON_TEXT_EN, REASON_TEXT_SV, renderReason } from '../../../lib/detect/reasons.ts';
import { CorrectionSchema, DirectorySchema, ResolutionSchema, SignalsSchema } from '../../../lib/detect/schema.ts';
import { DIRECTORY, fixture, run } from './helpers.ts';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('reason texts', () => {
  it('every code has a Swedish and an English sentence with the same placeholders', () => {
    for (const code of REASON_CODES) {
      expect(REASON_TEXT_SV[code], code).toBeTruthy();
      expect(REASON_TEXT_EN[code], code).toBeTruthy();
      expect(placeholders(REASON_TEXT_SV[code]), code).toEqual(placeholders(REASON_TEXT_EN[code]));
    }
    expect(Object.keys(REASON_TEXT_SV).sort()).toEqual([...REASON_CODES].sort());
    expect(Object.keys(REASON_TEXT_EN).sort()).toEqual([...REASON_CODES].sort());
  });

  it('renders parameters, and a dash for a missing one', () => {
    expect(renderReason({ code: 'orgnr-footer', params: { orgnr: '202100-5448' } }, 'sv')).toBe('Organisationsnummer 202100-5448 i sidfoten');
    expect(renderReason({ code: 'host-homepage', params: { host: 'skatteverket.se', name: 'Skatteverket' } }, 'en')).toBe(
      "hostname skatteverket.se is Skatteverket's homepage on dataportal.se",
    );
    expect(renderReason({ code: 'host-homepage', params: { host: 'x.se' } }, 'sv')).toBe('Webbplatsen x.se tillhör – enligt dataportal.se');
  });

  it('does not read inherited properties as parameters', () => {
    expect(renderReason({ code: 'jsonld-government', params: {} }, 'en')).not.toContain('function');
  });
});

describe('schemas', () => {
  it('accept what the code produces', () => {
    const { signals, resolution } = run(fixture('agency-skatteverket.html'), 'https://www.skatteverket.se/');
    expect(SignalsSchema.safeParse(signals).success).toBe(true);
    expect(ResolutionSchema.safeParse(resolution).success).toBe(true);
    expect(DirectorySchema.safeParse(DIRECTORY).success).toBe(true);
    expect(CorrectionSchema.safeParse({ kind: 'not-public' }).success).toBe(true);
  });

  it('reject forged or oversized signals', () => {
    const { signals } = run(fixture('agency-skatteverket.html'), 'https://www.skatteverket.se/');
    expect(SignalsSchema.safeParse({ ...signals, orgNumbers: [{ value: '850101-1234', where: 'footer', labelled: true }] }).success).toBe(false);
    expect(SignalsSchema.safeParse({ ...signals, url: 'x'.repeat(5000) }).success).toBe(false);
    const many = Array.from({ length: 100 }, () => ({ kind: 'dcat', href: 'https://x.se/datasets/dcat' }));
    expect(SignalsSchema.safeParse({ ...signals, links: many }).success).toBe(false);
    expect(ResolutionSchema.safeParse({ status: 'matched', confidence: 'high', reasons: [{ code: 'made-up', params: {} }], conflicts: [] }).success).toBe(false);
  });
});
