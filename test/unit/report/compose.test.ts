import { describe, expect, it } from 'vitest';
import {
  buildEml,
  composeReport,
  encodeHeaderWords,
  makeRefId,
  MAILTO_MAX,
  mailtoPlan,
  mailtoUrl,
  plainText,
  REF_PATTERN,
  rfc5322Date,
  sendSteps,
} from '../../../lib/report/compose';
import { CATEGORY_LABELS, REPORT_TEXT, STATUS_LABELS } from '../../../lib/report/text';
import { REPORT_CATEGORIES, type Recipient } from '../../../lib/report/types';
import { form, TARGET } from './helpers';

const T = Date.parse('2026-01-20T10:00:00Z');
const REF = 'INSYN-20260120-K7QF';
const CONTACT: Recipient = { kind: 'contact-email', address: 'oppnadata@skatteverket.se', name: 'Skatteverket, öppna data' };

function decodeMailto(url: string) {
  const m = /^mailto:([^?]*)\?subject=([^&]*)&body=(.*)$/.exec(url);
  if (!m) throw new Error(`not a mailto: ${url}`);
  return { to: decodeURIComponent(m[1]!), subject: decodeURIComponent(m[2]!), body: decodeURIComponent(m[3]!) };
}

describe('reference id', () => {
  it('is INSYN-YYYYMMDD-XXXX from the date and random bytes', () => {
    expect(makeRefId(T, () => new Uint8Array([0, 1, 2, 30]))).toBe('INSYN-20260120-234Z');
    for (let i = 0; i < 50; i++) expect(makeRefId(T)).toMatch(REF_PATTERN);
  });
});

describe('composition', () => {
  it('fills in all context, in Swedish by default', () => {
    const c = composeReport({ target: TARGET, form: form({ includePage: true, pageUrl: 'https://www.skatteverket.se/privat' }), recipient: CONTACT, refId: REF });
    expect(c.subject).toBe(`Synpunkt på öppna data: Fel eller inaktuella värden – Skattesatser per kommun (${REF})`);
    expect(c.body).toContain('Hej,');
    expect(c.body).toContain('datamängden "Skattesatser per kommun" som Skatteverket publicerar');
    expect(c.body).toContain('ni står som kontaktpunkt');
    expect(c.body).toContain('På dataportal.se: https://www.dataportal.se/datasets/6_68000');
    expect(c.body).toContain('Var: rad 2045, kolumn "kommunalskatt"');
    expect(c.body).toContain('Sidan jag var på: https://www.skatteverket.se/privat');
    expect(c.body).toContain('Skattesatsen för Åre är fel för år 2025.\nDen ska vara 34,06 %.');
    expect(c.body).toContain(`Referens: ${REF}`);
    expect(c.body).toContain('Svara gärna till: Åsa Öberg <asa@example.org>');
  });

  it('in English when chosen, with the English portal page', () => {
    const c = composeReport({ target: TARGET, form: form({ lang: 'en' }), recipient: CONTACT, refId: REF });
    expect(c.subject).toBe(`Feedback on open data: Wrong or outdated values – Skattesatser per kommun (${REF})`);
    expect(c.body).toContain('Hello,');
    expect(c.body).toContain('On dataportal.se: https://www.dataportal.se/en/datasets/6_68000');
    expect(c.body).toContain('please quote it if you reply');
    expect(c.body).not.toMatch(/Hej|Vänliga/);
  });

  it('leaves out the page unless asked, and the reply line without an e-mail', () => {
    const c = composeReport({ target: TARGET, form: form({ pageUrl: 'https://secret.example/page', reporterEmail: '' }), recipient: CONTACT, refId: REF });
    expect(c.body).not.toContain('secret.example');
    expect(c.body).not.toContain('Svara gärna');
  });

  it.each(REPORT_CATEGORIES.flatMap((c) => [[c, 'sv'] as const, [c, 'en'] as const]))('category %s in %s', (category, lang) => {
    const c = composeReport({ target: TARGET, form: form({ category, lang }), recipient: CONTACT, refId: REF });
    expect(c.subject).toContain(CATEGORY_LABELS[category][lang]);
    expect(c.body).toContain(CATEGORY_LABELS[category][lang]);
    expect(c.subject).toContain(REF);
  });

  it('"no contact point" to the publisher explains itself and has a default text', () => {
    const c = composeReport({
      target: TARGET,
      form: form({ category: 'no-contact-point', description: '' }),
      recipient: { kind: 'publisher-email', address: 'registrator@skatteverket.se' },
      refId: REF,
      noContactPoint: true,
    });
    expect(c.body).toContain('som utgivare, eftersom datamängden inte har någon kontaktpunkt');
    expect(c.body).toContain('Kan ni lägga till en');
  });

  it('a distribution, an API and an organisation', () => {
    const dist = composeReport({ target: { ...TARGET, distribution: { uri: 'd', title: 'Skattesatser (CSV)', url: 'https://x.se/a.csv' } }, form: form({ category: 'broken-link' }), recipient: CONTACT, refId: REF });
    expect(dist.body).toContain('Distribution: Skattesatser (CSV) <https://x.se/a.csv>');
    const api = composeReport({ target: { ...TARGET, kind: 'dataservice', title: 'Skattesatser API' }, form: form(), recipient: CONTACT, refId: REF });
    expect(api.body).toContain('API:et "Skattesatser API"');
    const org = composeReport({ target: { kind: 'organisation', title: 'Skatteverket', publisherName: 'Skatteverket' }, form: form({ category: 'missing-dataset' }), recipient: { kind: 'publisher-email', address: 'r@s.se' }, refId: REF });
    expect(org.body).toContain('Jag skriver till Skatteverket om era öppna data');
    expect(org.subject).toContain('En datamängd saknas – Skatteverket');
  });

  it('strips line breaks from one-line fields (no header or subject injection)', () => {
    const c = composeReport({ target: { ...TARGET, title: 'A\r\nBcc: evil@x.se' }, form: form({ where: 'x\ny' }), recipient: CONTACT, refId: REF });
    expect(c.subject).not.toMatch(/[\r\n]/);
    expect(c.body).toContain('Var: x y');
  });

  it('the two languages of the message text have the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(REPORT_TEXT)) expect(names(v.sv), k).toEqual(names(v.en));
    for (const v of [...Object.values(CATEGORY_LABELS), ...Object.values(STATUS_LABELS)]) {
      expect(v.sv.trim()).not.toBe('');
      expect(v.en.trim()).not.toBe('');
    }
  });
});

describe('mailto', () => {
  it('encodes å/ä/ö as UTF-8 and newlines as %0D%0A', () => {
    const url = mailtoUrl('oppnadata@skatteverket.se', 'Fel i Åre', 'rad ett\nrad två: ä ö\r\nslut & mer');
    expect(url).toBe(
      'mailto:oppnadata@skatteverket.se?subject=Fel%20i%20%C3%85re&body=rad%20ett%0D%0Arad%20tv%C3%A5%3A%20%C3%A4%20%C3%B6%0D%0Aslut%20%26%20mer',
    );
    expect(url).not.toMatch(/%0A(?<!%0D%0A)/);
    expect(decodeMailto(url).body).toBe('rad ett\r\nrad två: ä ö\r\nslut & mer');
  });

  it('escapes characters that would break the address or the query', () => {
    expect(mailtoUrl('a+b@x.se', 's?&=', 'b#')).toBe('mailto:a%2Bb@x.se?subject=s%3F%26%3D&body=b%23');
  });

  it('a normal report fits in one link, decoded back exactly', () => {
    const c = composeReport({ target: TARGET, form: form(), recipient: CONTACT, refId: REF });
    const plan = mailtoPlan(CONTACT.address, c);
    expect(plan.kind).toBe('full');
    expect(plan.url.length).toBeLessThanOrEqual(MAILTO_MAX);
    const d = decodeMailto(plan.url);
    expect(d.to).toBe('oppnadata@skatteverket.se');
    expect(d.subject).toBe(c.subject);
    expect(d.body).toBe(c.body.replace(/\n/g, '\r\n'));
  });

  it('very long text falls back to the clipboard with a short body', () => {
    const c = composeReport({ target: TARGET, form: form({ description: 'Åäö fel. '.repeat(400) }), recipient: CONTACT, refId: REF });
    const plan = mailtoPlan(CONTACT.address, c);
    expect(plan.kind).toBe('clipboard');
    if (plan.kind !== 'clipboard') return;
    expect(plan.url.length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(plan.clipboard).toBe(c.body);
    const d = decodeMailto(plan.url);
    expect(d.subject).toBe(c.subject);
    expect(d.body).toContain('kopierats till urklipp');
    expect(d.body).toContain(REF);
    const steps = sendSteps('mailto', CONTACT, c, { now: T });
    expect(steps).toEqual({ copy: c.body, open: plan.url });
  });

  it('a pathological title still yields a link within the limit', () => {
    const c = composeReport({ target: { ...TARGET, title: 'ö'.repeat(3000) }, form: form({ description: 'x'.repeat(3000) }), recipient: CONTACT, refId: REF });
    const plan = mailtoPlan(CONTACT.address, c);
    expect(plan.url.length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(decodeMailto(plan.url).subject).toContain(REF);
  });
});

describe('send paths', () => {
  const c = composeReport({ target: TARGET, form: form(), recipient: CONTACT, refId: REF });
  it('clipboard and web form copy subject and body; the web form then opens the page', () => {
    expect(sendSteps('clipboard', CONTACT, c, { now: T })).toEqual({ copy: plainText(c) });
    expect(plainText(c).startsWith(`Ämne: ${c.subject}\n\n`)).toBe(true);
    const web: Recipient = { kind: 'contact-url', address: 'https://www.skatteverket.se/kontakt' };
    expect(sendSteps('web-form', web, c, { now: T })).toEqual({ copy: plainText(c), open: web.address });
  });
  it('refuse a path that does not fit the recipient', () => {
    expect(() => sendSteps('mailto', { kind: 'contact-url', address: 'https://x.se' }, c, { now: T })).toThrow();
    expect(() => sendSteps('web-form', CONTACT, c, { now: T })).toThrow();
    expect(() => sendSteps('mailto', undefined, c, { now: T })).toThrow();
  });
});

describe('.eml', () => {
  const c = composeReport({ target: TARGET, form: form(), recipient: CONTACT, refId: REF });
  const eml = buildEml({ to: CONTACT, from: { name: 'Åsa Öberg', email: 'asa@example.org' }, composed: c, date: new Date(T) });
  const [head, bodyB64] = eml.split('\r\n\r\n') as [string, string];

  it('has RFC 5322 headers with CRLF, UTF-8 and a base64 body', () => {
    expect(eml).not.toMatch(/[^\r]\n/);
    expect(head).toContain('MIME-Version: 1.0');
    expect(head).toContain('Date: Tue, 20 Jan 2026 10:00:00 +0000');
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(head).toContain('Content-Transfer-Encoding: base64');
    expect(head).toContain(`X-Insyn-Reference: ${REF}`);
    expect(head).toContain('X-Unsent: 1');
    expect(head).toMatch(/^From: =\?UTF-8\?B\?[^?]+\?=\r\n <asa@example\.org>$/m);
    expect(head).toMatch(/^To: =\?UTF-8\?B\?.+\r\n <oppnadata@skatteverket\.se>$/ms);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const body = Buffer.from(bodyB64.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toBe(c.body.replace(/\n/g, '\r\n'));
  });

  it('encodes the subject as RFC 2047 words that decode back exactly', () => {
    const m = /^Subject: (.*(?:\r\n .*)*)/m.exec(head);
    const words = [...(m?.[1] ?? '').matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)];
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w[0].length).toBeLessThanOrEqual(75);
    expect(words.map((w) => Buffer.from(w[1]!, 'base64').toString('utf8')).join('')).toBe(c.subject);
  });

  it('keeps short ASCII headers readable and omits From when unknown', () => {
    expect(encodeHeaderWords('Data error')).toBe('Data error');
    const bare = buildEml({ to: { kind: 'custom', address: 'a@b.se' }, composed: c, date: new Date(T) });
    expect(bare).not.toMatch(/^From:/m);
    expect(bare).toMatch(/^To: <a@b\.se>$/m);
    expect(rfc5322Date(new Date(T))).toBe('Tue, 20 Jan 2026 10:00:00 +0000');
  });

  it('the eml send path names the file after the reference', () => {
    const s = sendSteps('eml', CONTACT, c, { now: T });
    expect(s.download?.filename).toBe(`${REF}.eml`);
    expect(s.download?.mime).toBe('message/rfc822');
  });
});
