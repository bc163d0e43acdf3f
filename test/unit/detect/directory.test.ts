import { describe, expect, it } from 'vitest';
import type { Publisher } from '../../../lib/dcat/types.ts';
import { buildDirectory, homepageKey, lookupHost, normaliseHost } from '../../../lib/detect/directory.ts';
import { DIRECTORY, P } from './helpers.ts';

const uri = (org: string) => `http://dataportal.se/organisation/SE${org}`;

describe('homepageKey', () => {
  it.each([
    ['https://www.skatteverket.se/', { host: 'skatteverket.se' }],
    ['http://WWW.Skatteverket.SE', { host: 'skatteverket.se' }],
    ['www.digg.se', { host: 'digg.se' }],
    ['https://www.lansstyrelsen.se/stockholm', { host: 'lansstyrelsen.se', pathPrefix: '/stockholm' }],
    ['https://www.lansstyrelsen.se/stockholm/', { host: 'lansstyrelsen.se', pathPrefix: '/stockholm' }],
    ['https://www.domstol.se/goteborgs-tingsratt/', { host: 'domstol.se', pathPrefix: '/goteborgs-tingsratt' }],
    ['https://www.kiruna.se/sv/', { host: 'kiruna.se' }],
    ['https://goteborg.se/wps/portal/start', { host: 'goteborg.se', pathPrefix: '/wps/portal' }],
    ['https://www.example.se/index.html', { host: 'example.se' }],
    ['https://www.varberg.se/kommunpolitik/lsn.4.12d3b.html', { host: 'varberg.se', pathPrefix: '/kommunpolitik/lsn.4.12d3b.html' }],
    ['https://www.example.se/G%C3%B6teborg/', { host: 'example.se', pathPrefix: '/göteborg' }],
    ['https://start.stockholm/', { host: 'start.stockholm' }],
  ])('%s', (hp, want) => expect(homepageKey(hp)).toEqual(want));

  it.each(['', 'mailto:info@digg.se', 'ftp://digg.se', 'http://localhost/', 'not a url at all'])('rejects %j', (hp) => {
    expect(homepageKey(hp)).toBeUndefined();
  });

  it('normaliseHost strips www, trailing dot and case', () => {
    expect(normaliseHost('WWW.Digg.SE.')).toBe('digg.se');
    expect(normaliseHost('www2.digg.se')).toBe('www2.digg.se');
  });
});

describe('buildDirectory', () => {
  it('indexes hosts with path prefixes, longest first, and org numbers', () => {
    expect(DIRECTORY.byHost['domstol.se']).toEqual([
      { publisherUri: P.goteborgsTingsratt.uri, pathPrefix: '/goteborgs-tingsratt', orgNumber: '2021002742' },
      { publisherUri: P.domstolsverket.uri, orgNumber: '2021002742' },
    ]);
    expect(DIRECTORY.byHost['lansstyrelsen.se']?.map((e) => e.pathPrefix).sort()).toEqual(['/skane', '/stockholm']);
    expect(DIRECTORY.byHost['stockholm.se']?.[0]?.publisherUri).toBe(P.stockholm.uri);
    expect(DIRECTORY.byHost['start.stockholm']?.[0]?.publisherUri).toBe(P.stockholm.uri);
  });

  it('a shared org number maps to the publisher without URI suffix, whatever the input order', () => {
    expect(DIRECTORY.byOrg['2021002742']).toBe(P.domstolsverket.uri);
    const reversed = buildDirectory([P.domstolsverket, P.goteborgsTingsratt].reverse());
    expect(reversed.byOrg['2021002742']).toBe(P.domstolsverket.uri);
    expect(buildDirectory([P.goteborgsTingsratt]).byOrg['2021002742']).toBe(P.goteborgsTingsratt.uri);
  });

  it('takes the org number from the URI when the publisher has none', () => {
    const p: Publisher = { uri: uri('2021006545'), name: { sv: 'Folkhälsomyndigheten' }, homepages: ['https://www.folkhalsomyndigheten.se'] };
    const d = buildDirectory([p]);
    expect(d.byOrg['2021006545']).toBe(p.uri);
    expect(d.byHost['folkhalsomyndigheten.se']).toEqual([{ publisherUri: p.uri, orgNumber: '2021006545' }]);
  });

  it('adds extra rows under the canonical URI, or under the existing publisher', () => {
    const d = buildDirectory([P.skatteverket], [
      { host: 'www.Kammarkollegiet.se', orgNumber: '202100-0829' },
      { host: 'skatteverket.se', pathPrefix: '/rattsligvagledning', orgNumber: '2021005448' },
      { host: 'bad.se', orgNumber: 'nope' },
    ]);
    expect(d.byHost['kammarkollegiet.se']).toEqual([{ publisherUri: uri('2021000829'), orgNumber: '2021000829' }]);
    expect(d.byOrg['2021000829']).toBe(uri('2021000829'));
    expect(d.byHost['skatteverket.se']?.[0]).toEqual({ publisherUri: P.skatteverket.uri, orgNumber: '2021005448', pathPrefix: '/rattsligvagledning' });
    expect(d.byHost['bad.se']).toBeUndefined();
  });

  it('is plain JSON (survives a storage round trip)', () => {
    expect(JSON.parse(JSON.stringify(DIRECTORY))).toEqual(DIRECTORY);
  });

  it('skips unusable homepages and duplicate entries', () => {
    const p: Publisher = { uri: uri('2021000837'), name: { sv: 'SCB' }, homepages: ['https://www.scb.se', 'https://scb.se/', 'mailto:x@scb.se', ''] };
    expect(buildDirectory([p]).byHost).toEqual({ 'scb.se': [{ publisherUri: p.uri, orgNumber: '2021000837' }] });
  });
});

describe('lookupHost', () => {
  const m = (host: string, path = '/') => lookupHost(DIRECTORY, host, path);

  it('exact host', () => {
    expect(m('www.skatteverket.se', '/privat').match).toMatchObject({ publisherUri: P.skatteverket.uri, host: 'skatteverket.se', parent: false, outsidePrefix: false });
  });

  it('parent domain, never a public suffix', () => {
    expect(m('kommun.kiruna.se').match).toMatchObject({ publisherUri: P.kiruna.uri, host: 'kiruna.se', parent: true });
    const d = buildDirectory([{ uri: uri('2120000142'), name: {}, homepages: ['https://org.se/'] }]);
    expect(lookupHost(d, 'foo.org.se', '/').match).toBeUndefined();
    expect(lookupHost(d, 'org.se', '/').match).toBeDefined();
    expect(m('se').match).toBeUndefined();
    expect(m('example.github.io').match).toBeUndefined();
  });

  it('longest path prefix wins; prefix matches whole segments only', () => {
    expect(m('www.domstol.se', '/goteborgs-tingsratt/mal').match?.publisherUri).toBe(P.goteborgsTingsratt.uri);
    expect(m('www.domstol.se', '/goteborgs-tingsratt').match?.publisherUri).toBe(P.goteborgsTingsratt.uri);
    expect(m('www.domstol.se', '/goteborgs-tingsratten-arkiv').match?.publisherUri).toBe(P.domstolsverket.uri);
    expect(m('www.domstol.se', '/').match?.publisherUri).toBe(P.domstolsverket.uri);
    expect(m('www.lansstyrelsen.se', '/Stockholm/natur').match?.publisherUri).toBe(P.lstStockholm.uri);
  });

  it('shared host with no matching prefix and no whole-host entry: no match, all candidates', () => {
    const r = m('www.lansstyrelsen.se', '/stockholmsomradet');
    expect(r.match).toBeUndefined();
    expect(r.candidates.map((c) => c.publisherUri).sort()).toEqual([P.lstSkane.uri, P.lstStockholm.uri].sort());
  });

  it('single prefixed entry: a page outside the prefix still matches, flagged', () => {
    expect(m('goteborg.se', '/kontakt').match).toMatchObject({ publisherUri: P.goteborg.uri, outsidePrefix: true });
    expect(m('goteborg.se', '/wps/portal/start/avfall').match).toMatchObject({ publisherUri: P.goteborg.uri, outsidePrefix: false });
  });

  it('same host and prefix for two publishers: first by URI, the other a candidate', () => {
    const a: Publisher = { uri: uri('2120000803'), name: { sv: 'Region Gotland (kommun)' }, homepages: ['https://www.gotland.se'] };
    const b: Publisher = { uri: uri('2120000803') + '-region', name: { sv: 'Region Gotland (region)' }, homepages: ['https://gotland.se/'] };
    const r = lookupHost(buildDirectory([b, a]), 'gotland.se', '/');
    expect(r.match?.publisherUri).toBe(a.uri);
    expect(r.candidates.map((c) => c.publisherUri)).toEqual([b.uri]);
  });

  it('unknown host and hostile keys give nothing', () => {
    expect(m('example.com')).toEqual({ candidates: [] });
    expect(m('constructor.prototype')).toEqual({ candidates: [] });
    expect(m('__proto__.se')).toEqual({ candidates: [] });
    expect(m('')).toEqual({ candidates: [] });
  });
});
