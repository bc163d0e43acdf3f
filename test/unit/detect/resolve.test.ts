// resolve() details the page table does not pin: parameters of reasons, stale signals, determinism,
// inputs without signals.
import { describe, expect, it } from 'vitest';
import { buildDirectory } from '../../../lib/detect/directory.ts';
import { renderReason } from '../../../lib/detect/reasons.ts';
import { resolve } from '../../../lib/detect/resolve.ts';
import type { Signals } from '../../../lib/detect/signals.ts';
import { BY_URI, DIRECTORY, EXTRA, P, PUBLISHERS, codes, fixture, run } from './helpers.ts';

const empty = (url: string): Signals => {
  const u = new URL(url);
  return { url, host: u.hostname, path: u.pathname, orgNumbers: [], jsonLd: [], links: [], meta: {} };
};

describe('resolve', () => {
  it('works from the URL alone (background before any message)', () => {
    const r = resolve({ url: 'https://www.skatteverket.se/privat', directory: DIRECTORY, publishersByUri: BY_URI });
    expect(r).toEqual({
      status: 'matched',
      org: { publisherUri: P.skatteverket.uri, orgNumber: '2021005448', name: { sv: 'Skatteverket' }, type: 'agency', hasPublished: true },
      confidence: 'high',
      reasons: [{ code: 'host-homepage', params: { host: 'skatteverket.se', name: 'Skatteverket' } }],
      conflicts: [],
    });
  });

  it('reason parameters render into both languages', () => {
    const { resolution: r } = run(fixture('court-domstol.html'), 'https://www.domstol.se/goteborgs-tingsratt/');
    expect(r.reasons.map((x) => renderReason(x, 'en'))).toEqual([
      "address domstol.se/goteborgs-tingsratt is Göteborgs tingsrätt's homepage on dataportal.se",
      'organisation number 202100-2742 in the page footer',
      'the page links to an accessibility statement, which public bodies must publish',
    ]);
    expect(renderReason(r.reasons[1], 'sv')).toBe('Organisationsnummer 202100-2742 i sidfoten');
  });

  it('org number reasons carry the formatted number and the publisher name', () => {
    const { resolution: r } = run(fixture('agency-skatteverket.html'), 'https://www.skatteverket.se/');
    expect(r.reasons[1]).toEqual({ code: 'orgnr-jsonld', params: { name: 'Skatteverket', orgnr: '202100-5448', type: 'GovernmentOrganization' } });
    expect(r.reasons[2]).toEqual({ code: 'orgnr-footer', params: { name: 'Skatteverket', orgnr: '202100-5448' } });
  });

  it('ignores signals collected on another host (stale message after navigation)', () => {
    const signals: Signals = { ...empty('https://www.digg.se/'), orgNumbers: [{ value: '2021006883', where: 'footer', labelled: true }] };
    const r = resolve({ url: 'https://www.exempel.se/', signals, directory: DIRECTORY, publishersByUri: BY_URI });
    expect(r.status).toBe('none');
    expect(codes(r.reasons)).toEqual(['no-signal']);
  });

  it('accepts signals whose host differs only by www.', () => {
    const signals: Signals = { ...empty('https://digg.se/'), orgNumbers: [{ value: '2021006883', where: 'footer', labelled: true }] };
    const r = resolve({ url: 'https://www.digg.se/', signals, directory: DIRECTORY, publishersByUri: BY_URI });
    expect(codes(r.reasons)).toEqual(['host-homepage', 'orgnr-footer']);
  });

  it('an unparsable URL gives none, not an exception', () => {
    const r = resolve({ url: 'not a url', directory: DIRECTORY, publishersByUri: BY_URI });
    expect(r.status).toBe('none');
  });

  it('is deterministic: same answer for shuffled publishers and repeated calls', () => {
    const html = fixture('court-domstol.html');
    const url = 'https://www.domstol.se/goteborgs-tingsratt/';
    const a = run(html, url).resolution;
    const shuffled = [...PUBLISHERS].reverse();
    const dir2 = buildDirectory(shuffled, [...EXTRA].reverse());
    const b = resolve({ url, signals: run(html, url).signals, directory: dir2, publishersByUri: BY_URI });
    expect(b).toEqual(a);
    expect(run(html, url).resolution).toEqual(a);
  });

  it('a directory entry whose publisher is missing from publishersByUri and has no org number gives none', () => {
    const dir = buildDirectory([{ uri: 'http://example.org/pub/x', name: { sv: 'X' }, homepages: ['https://x.se'] }]);
    const r = resolve({ url: 'https://x.se/', directory: dir, publishersByUri: {} });
    expect(r.status).toBe('none');
    expect(codes(r.reasons)).toEqual(['host-homepage']);
  });

  it('a publisher without a dataset count counts as having published', () => {
    const p = { ...P.scb, datasetCount: undefined };
    const r = resolve({ url: 'https://www.scb.se/', directory: buildDirectory([p]), publishersByUri: { [p.uri]: p } });
    expect(r.org?.hasPublished).toBe(true);
  });

  it('type falls back to the ADMS publisher type when there is no org number', () => {
    const p = { uri: 'http://example.org/pub/kommun', name: { sv: 'Exempel kommun' }, homepages: ['https://exempel.se'], type: { uri: 'http://purl.org/adms/publishertype/LocalAuthority', label: {}, known: true } };
    const r = resolve({ url: 'https://exempel.se/', directory: buildDirectory([p]), publishersByUri: { [p.uri]: p } });
    expect(r.org?.type).toBe('municipality');
    expect(r.org?.orgNumber).toBeUndefined();
  });

  it('a dataportal link with a URI suffix resolves to that exact publisher', () => {
    const signals: Signals = {
      ...empty('https://www.exempel.se/'),
      links: [{ kind: 'dataportal-org', href: 'https://www.dataportal.se/organisation/SE2021002742-goteborgs-tingsratt' }],
    };
    const r = resolve({ url: 'https://www.exempel.se/', signals, directory: DIRECTORY, publishersByUri: BY_URI });
    expect(r.org?.publisherUri).toBe(P.goteborgsTingsratt.uri);
  });

  it('JSON-LD url pointing at a known host is medium evidence', () => {
    const signals: Signals = { ...empty('https://kampanj.example.se/'), jsonLd: [{ type: 'Organization', name: 'SCB', url: 'https://www.scb.se/' }] };
    const r = resolve({ url: 'https://kampanj.example.se/', signals, directory: DIRECTORY, publishersByUri: BY_URI });
    expect(r.org?.publisherUri).toBe(P.scb.uri);
    expect(r.confidence).toBe('medium');
    expect(codes(r.reasons)).toEqual(['jsonld-url']);
  });

  it('correction to a URI unknown to dataportal without org number still holds', () => {
    const r = resolve({
      url: 'https://www.exempel.se/',
      directory: DIRECTORY,
      publishersByUri: BY_URI,
      correction: { kind: 'org', publisherUri: 'urn:x:nagon', name: 'Någon nämnd' },
    });
    expect(r.status).toBe('public-unpublished');
    expect(r.org).toEqual({ name: { any: 'Någon nämnd' }, type: 'unknown', hasPublished: false });
    expect(r.reasons).toEqual([{ code: 'user-correction', params: { name: 'Någon nämnd' } }]);
  });

  it('output is plain JSON', () => {
    const { resolution } = run(fixture('region.html'), 'https://www.regionostergotland.se/');
    expect(JSON.parse(JSON.stringify(resolution))).toEqual(resolution);
  });
});
