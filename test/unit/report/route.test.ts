import { describe, expect, it } from 'vitest';
import { customRecipient, isEmailRecipient, lacksContactPoint, normaliseEmail, publisherRoutes, reportRecipient, reportRoutes } from '../../../lib/report/route';
import { detail, PUBLISHER } from './helpers';

const NO_PUBLISHER_CONTACT = { ...PUBLISHER, email: undefined, homepages: [] };

describe('routing over contact-point shapes', () => {
  it.each([
    ['e-mail only', [{ name: 'Öppna data', email: 'oppnadata@skatteverket.se' }], PUBLISHER, 'contact-email', 'oppnadata@skatteverket.se', false],
    ['web form only', [{ name: 'Kontakt', url: 'https://www.skatteverket.se/kontakt' }], PUBLISHER, 'contact-url', 'https://www.skatteverket.se/kontakt', false],
    ['both: e-mail wins', [{ email: 'a@b.se', url: 'https://b.se/form' }], PUBLISHER, 'contact-email', 'a@b.se', false],
    ['none: publisher e-mail', [], PUBLISHER, 'publisher-email', 'registrator@skatteverket.se', true],
    ['publisher homepage only', [], { ...PUBLISHER, email: undefined }, 'publisher-homepage', 'https://www.skatteverket.se/', true],
    ['malformed mailto in the e-mail field', [{ email: 'MAILTO: oppnadata%40skatteverket.se?subject=x' }], PUBLISHER, 'contact-email', 'oppnadata@skatteverket.se', false],
    ['mailto in the URL field', [{ url: 'mailto:data@kommun.se' }], PUBLISHER, 'contact-email', 'data@kommun.se', false],
    ['garbage e-mail falls through to the URL', [{ email: 'oppnadata(at)skatteverket.se', url: 'https://x.se/k' }], PUBLISHER, 'contact-url', 'https://x.se/k', false],
    ['javascript: URL is no route', [{ url: 'javascript:alert(1)' }], PUBLISHER, 'publisher-email', 'registrator@skatteverket.se', true],
    ['publisher mailto: prefix', [], { ...PUBLISHER, email: 'mailto:info@skatteverket.se' }, 'publisher-email', 'info@skatteverket.se', true],
  ] as const)('%s', (_name, cps, publisher, kind, address, noContact) => {
    const item = detail([...cps], publisher);
    expect(reportRecipient(item)).toMatchObject({ kind, address });
    expect(lacksContactPoint(item)).toBe(noContact);
  });

  it('no route at all', () => {
    const item = detail([], NO_PUBLISHER_CONTACT);
    expect(reportRecipient(item)).toBeUndefined();
    expect(reportRoutes(item)).toEqual([]);
    expect(lacksContactPoint(item)).toBe(true);
  });

  it('no publisher at all', () => {
    expect(reportRoutes(detail([], null))).toEqual([]);
  });

  it('lists every route once, best first, with names', () => {
    const item = detail([
      { name: 'A', email: 'a@b.se', url: 'https://b.se/form' },
      { name: 'B', email: 'A@B.se' },
    ]);
    expect(reportRoutes(item)).toEqual([
      { kind: 'contact-email', address: 'a@b.se', name: 'A' },
      { kind: 'contact-url', address: 'https://b.se/form', name: 'A' },
      { kind: 'publisher-email', address: 'registrator@skatteverket.se', name: 'Skatteverket' },
      { kind: 'publisher-homepage', address: 'https://www.skatteverket.se/', name: 'Skatteverket' },
    ]);
    expect(publisherRoutes(PUBLISHER, 'en')[0]?.name).toBe('Swedish Tax Agency');
  });

  it.each([
    ['x@y.se', 'x@y.se'],
    ['Name <x@y.se>', 'x@y.se'],
    ['x@y', undefined],
    ['x y@z.se', undefined],
    ['', undefined],
    ['a@b.se,c@d.se', undefined],
  ])('normaliseEmail(%j) = %j', (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want);
  });

  it('a typed recipient is an e-mail or an http(s) URL', () => {
    expect(customRecipient(' data@goteborg.se ')).toEqual({ kind: 'custom', address: 'data@goteborg.se' });
    expect(customRecipient('https://goteborg.se/kontakt')).toEqual({ kind: 'custom', address: 'https://goteborg.se/kontakt' });
    expect(customRecipient('ftp://x')).toBeUndefined();
    expect(isEmailRecipient({ kind: 'custom', address: 'a@b.se' })).toBe(true);
    expect(isEmailRecipient({ kind: 'custom', address: 'https://a.se' })).toBe(false);
  });
});
