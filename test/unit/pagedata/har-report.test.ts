import { describe, expect, it } from 'vitest';
import { harEntries } from '../../../lib/pagedata/har';
import { collectPageUrls } from '../../../lib/pagedata/collect';
import { extractFindings } from '../../../lib/pagedata/extract';
import { missingDatasetDraft, type MissingReportInput } from '../../../lib/pagedata/report';
import { ComposeError, composeReport, mailtoPlan } from '../../../lib/report/compose';

/** The mail the report form opens for a prefilled draft (the same compose + mailto path). */
function missingDatasetMailto(input: MissingReportInput) {
  const d = missingDatasetDraft(input);
  const composed = composeReport({ target: d.target, form: d.form, refId: d.refId, ...(d.recipient && { recipient: d.recipient }) });
  const email = d.routes.find((r) => r.kind.endsWith('email'));
  return { mailto: mailtoPlan(email?.address ?? '', composed).url, refId: d.refId };
}
import { ReportDraft } from '../../../lib/report/types';
import { docOf, loadPage } from './helpers';

const HAR = {
  log: {
    version: '1.2',
    entries: [
      { request: { url: 'https://www.skatteverket.se/api/statistik/v1/inkomster/2024', method: 'GET', headers: [{ name: 'Cookie', value: 'secret' }] }, response: { content: { mimeType: 'application/json' } }, _resourceType: 'fetch' },
      { request: { url: 'https://www.skatteverket.se/api/statistik/v1/inkomster/2025', method: 'GET' }, response: { content: { mimeType: 'application/json', text: '{"secret":1}' } }, _resourceType: 'xhr' },
      { request: { url: 'https://www.skatteverket.se/style.css' }, response: { content: { mimeType: 'text/css' } }, _resourceType: 'stylesheet' },
      { request: { url: 'https://data.exempel.se/x.geojson' }, response: { content: { mimeType: 'application/geo+json' } } },
      { request: { url: 'https://www.google-analytics.com/g/collect?v=2' }, response: { content: { mimeType: 'text/plain' } }, _resourceType: 'fetch' },
      { broken: true },
    ],
  },
};

describe('HAR input', () => {
  it('keeps fetch/XHR (or data media types) by URL, ignores headers and bodies', () => {
    const { entries, skipped } = harEntries(HAR);
    expect(entries).toEqual([
      { name: 'https://www.skatteverket.se/api/statistik/v1/inkomster/2024', initiatorType: 'fetch' },
      { name: 'https://www.skatteverket.se/api/statistik/v1/inkomster/2025', initiatorType: 'xmlhttprequest' },
      { name: 'https://data.exempel.se/x.geojson', initiatorType: 'fetch' },
      { name: 'https://www.google-analytics.com/g/collect?v=2', initiatorType: 'fetch' },
    ]);
    expect(skipped).toBe(1);
    const urls = collectPageUrls(docOf('<html><body></body></html>'), 'https://www.skatteverket.se/', entries);
    const f = extractFindings(urls, 'https://www.skatteverket.se/');
    expect(f.findings.map((x) => `${x.kind} ${x.id} ${x.requests}`)).toEqual([
      'api https://www.skatteverket.se/api/statistik/v1/inkomster/{n} 2',
      'file https://data.exempel.se/x.geojson 1',
    ]);
    expect(JSON.stringify(urls)).not.toMatch(/secret|Cookie/);
  });
  it('refuses what is not a HAR file', () => {
    expect(() => harEntries({ entries: [] })).toThrow(/HAR/);
  });
});

describe('"not in the catalogue" report', () => {
  const { findings, url } = loadPage('agency');
  const xlsx = findings.findings.find((f) => f.format === 'XLSX');
  const publisher = {
    uri: 'http://dataportal.se/organisation/SE2021005448',
    name: { sv: 'Skatteverket', en: 'Swedish Tax Agency' },
    email: 'mailto:skatteverket@skatteverket.se',
    homepages: ['https://www.skatteverket.se'],
  };
  const fixed = { now: Date.UTC(2026, 10, 20), random: () => new Uint8Array([1, 2, 3, 4]) };

  it('is a missing-dataset draft for the organisation, with the URL and the page', () => {
    if (!xlsx) throw new Error('fixture has an XLSX');
    const d = missingDatasetDraft({ finding: xlsx, pageUrl: url, publisher, lang: 'sv', ...fixed });
    expect(ReportDraft.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({
      target: { kind: 'organisation', publisherName: 'Skatteverket', publisherUri: publisher.uri },
      recipient: { kind: 'publisher-email', address: 'skatteverket@skatteverket.se' },
      form: { category: 'missing-dataset', where: xlsx.url, includePage: true, pageUrl: url, lang: 'sv' },
    });
    expect(d.form.description).toContain(xlsx.url);
    expect(d.form.description).toContain('datafil (XLSX)');
  });

  it('composes, through the report form\'s path, a mail prefilled in the chosen language', () => {
    if (!xlsx) throw new Error('fixture has an XLSX');
    const sv = missingDatasetMailto({ finding: xlsx, pageUrl: url, publisher, lang: 'sv', ...fixed });
    expect(sv.mailto.startsWith('mailto:skatteverket@skatteverket.se?subject=')).toBe(true);
    const subject = decodeURIComponent(/subject=([^&]*)/.exec(sv.mailto)?.[1] ?? '');
    expect(subject).toContain(sv.refId);
    expect(decodeURIComponent(sv.mailto)).toContain('inkomststatistik-2025.xlsx');
    const en = missingDatasetMailto({ finding: xlsx, pageUrl: url, publisher, lang: 'en', ...fixed });
    expect(decodeURIComponent(en.mailto)).toContain('not described in your catalogue');
    // Without an e-mail address the recipient is left for the user to fill in.
    const none = missingDatasetMailto({ finding: xlsx, pageUrl: url, orgName: 'Exempelkommunen', lang: 'sv', ...fixed });
    expect(none.mailto.startsWith('mailto:?subject=')).toBe(true);
  });

  it('an address too long for any mailto: link still gives a valid draft; the link fails with a typed error the form shows', () => {
    if (!xlsx) throw new Error('fixture has an XLSX');
    const odd = { ...publisher, email: `${'€'.repeat(200)}@kommun.se` };
    const d = missingDatasetDraft({ finding: xlsx, pageUrl: url, publisher: odd, lang: 'sv', ...fixed });
    expect(ReportDraft.safeParse(d).success).toBe(true);
    expect(d.form.description).toContain(xlsx.url);
    expect(() => missingDatasetMailto({ finding: xlsx, pageUrl: url, publisher: odd, lang: 'sv', ...fixed })).toThrow(ComposeError);
  });
});
