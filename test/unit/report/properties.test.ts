// Property-based tests over the report composer and the history export/import: whatever a draft,
// a dataset's metadata or a contact point holds (header injection, mailto syntax, huge text, lone
// surrogates, bidi and zero-width characters, missing fields, wrong-but-typed values), the
// composer returns a well-formed value or a typed error (ComposeError / ImportError), never
// anything else, and never hangs. Each property runs RUNS times.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEml, composeReport, makeRefId, MAILTO_MAX, mailtoPlan, plainText, REF_PATTERN, sendSteps, type Composed } from '../../../lib/report/compose';
import { exportCsv, exportJson, ImportError, parseImport, sortReports } from '../../../lib/report/history';
import { normaliseEmail } from '../../../lib/report/route';
import { REPORT_TEXT } from '../../../lib/report/text';
import { REPORT_CATEGORIES, ReportRecord, type Recipient, type ReportForm, type ReportTarget } from '../../../lib/report/types';

const RUNS = 500;

// ---------------------------------------------------------------------------------------------
// Hostile text

const FRAGMENTS = [
  '\r\n', '\r', '\n', '\u0085', '\u2028', '\u2029', '\t', '\0', '\x07', '\x7f', '\x9b',
  'Bcc: evil@x.se', '\r\nBcc: evil@x.se', '\nTo: evil@x.se', '%0D%0ABcc:%20evil@x.se',
  '?', '&', '%', '%25', '%2C', '=', '#', ',', ';', ':', '?cc=evil@x.se', '&body=x', '&bcc=evil@x.se',
  '"', "'", '<', '>', '\\', '(', ')', '[', ']', '@',
  '\u202E', '\u202D', '\u202A', '\u2066', '\u2067', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\uFEFF', '\u00AD',
  '\uD83D', '\uDE00', '\uDBFF', '😀', '👩‍👩‍👧', 'ö', 'å', 'Ä', '€', 'ﷺ', 'עברית', 'العربية', '中文',
  '=SUM(A1)', '=HYPERLINK("http://evil")', '+46 771', '-1', '@cmd', '\t=1', '{ref}', '{title}', '$&', "$'",
  'mailto:', 'javascript:alert(1)', 'data:text/html,x', ' ', '  ', '=?UTF-8?B?QQ==?=',
];
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);
const hostile = (maxLength = 24): fc.Arbitrary<string> => fc.array(unit, { maxLength }).map((a) => a.join(''));
/** Text far past any field limit: a repeated piece, up to 60 000 times. */
const huge = fc
  .tuple(fc.constantFrom('x', 'ö', '€', '😀', '\r\n', '%', '\uD800', 'a b ', '\u202E'), fc.integer({ min: 500, max: 30_000 }))
  .map(([s, n]) => s.repeat(n));
const text = fc.oneof({ weight: 8, arbitrary: hostile() }, { weight: 1, arbitrary: huge });

const emailish = fc.oneof(
  fc.constantFrom('oppnadata@skatteverket.se', 'a+b@x.se', 'Åsa.Öberg@exempel.se', 'x@y.se,evil@z.se', 'x@y.se\r\nBcc: evil@z.se', 'x@y.se?cc=evil@z.se', 'mailto:x@y.se', ''),
  fc.tuple(hostile(6), hostile(6)).map(([a, b]) => `${a}@${b}.se`),
  text,
);
const urlish = fc.oneof(
  fc.constantFrom('https://www.skatteverket.se/kontakt', 'http://x.se/a?b=c&d=e#f', 'javascript:alert(1)', 'data:text/html,<b>x', 'file:///etc/passwd', 'mailto:x@y.se'),
  hostile().map((s) => `https://x.se/${s}`),
  text,
);

const target: fc.Arbitrary<ReportTarget> = fc.record(
  {
    kind: fc.constantFrom('dataset', 'dataservice', 'series', 'organisation'),
    contextId: text,
    entryId: text,
    uri: fc.oneof(urlish, text),
    title: text,
    portalUrl: urlish,
    portalUrlEn: urlish,
    publisherName: text,
    publisherUri: text,
    distribution: fc.record({ uri: text, title: text, url: urlish }, { requiredKeys: ['uri', 'title'] }),
  },
  { requiredKeys: ['kind', 'title'] },
);

const form: fc.Arbitrary<ReportForm> = fc.record({
  category: fc.constantFrom(...REPORT_CATEGORIES),
  description: text,
  where: text,
  reporterName: text,
  reporterEmail: emailish,
  includePage: fc.boolean(),
  pageUrl: fc.option(urlish, { nil: undefined }),
  lang: fc.constantFrom('sv', 'en'),
}).map(({ pageUrl, ...f }) => (pageUrl === undefined ? f : { ...f, pageUrl }));

const recipient: fc.Arbitrary<Recipient> = fc.record(
  {
    kind: fc.constantFrom('contact-email', 'contact-url', 'publisher-email', 'publisher-homepage', 'custom'),
    address: fc.oneof(emailish, urlish),
    name: text,
  },
  { requiredKeys: ['kind', 'address'] },
);

const T = Date.parse('2026-01-20T10:00:00Z');
const refId = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.uint8Array({ minLength: 4, maxLength: 4 })).map(([t, b]) => makeRefId(t, () => b)) },
  { weight: 1, arbitrary: hostile(12) },
);
const composeInput = fc.record({ target, form, recipient: fc.option(recipient, { nil: undefined }), refId, noContactPoint: fc.boolean() }).map(({ recipient: r, ...rest }) =>
  r === undefined ? rest : { ...rest, recipient: r },
);

// ---------------------------------------------------------------------------------------------
// Checks

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Line breaks of any kind, other C0/C1 controls, and bidi embeddings/overrides/isolates. */
const NOT_ONE_LINE = /[\0-\x1f\x7f-\x9f\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function isTypedComposeError(err: unknown): boolean {
  return err instanceof Error && err.name === 'ComposeError' && typeof (err as { kind?: unknown }).kind === 'string';
}

/** Runs `f`; a ComposeError counts as a typed refusal (undefined), anything else thrown fails the property. */
function valueOrTypedError<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (isTypedComposeError(err)) return undefined;
    throw err;
  }
}

function decodeRfc2047(value: string): string {
  const unfolded = value.replace(/\r\n /g, ' ');
  if (!unfolded.includes('=?UTF-8?B?')) return unfolded;
  return [...unfolded.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8')).join('');
}

const HEADER_NAMES = ['MIME-Version', 'Date', 'From', 'To', 'Subject', 'X-Insyn-Reference', 'X-Unsent', 'Content-Type', 'Content-Transfer-Encoding'];

/** Header name → unfolded value; fails if a line is neither a header nor a continuation. */
function parseHeaders(head: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of head.split('\r\n')) {
    if (line.startsWith(' ') && last) {
      out.set(last, `${out.get(last)}\r\n${line}`);
      continue;
    }
    const m = /^([A-Za-z-]+): (.*)$/.exec(line);
    expect(m, `header line ${JSON.stringify(line.slice(0, 80))}`).not.toBeNull();
    const name = m?.[1] ?? '';
    expect(HEADER_NAMES, `unexpected header ${name}`).toContain(name);
    expect(out.has(name), `header ${name} twice`).toBe(false);
    out.set(name, m?.[2] ?? '');
    last = name;
  }
  return out;
}

/** Splits a mailto: URL into its address and header fields, decoded. */
function parseMailto(url: string): { to: string; fields: Map<string, string> } {
  const m = /^mailto:([^?]*)(?:\?(.*))?$/s.exec(url);
  expect(m, url.slice(0, 100)).not.toBeNull();
  const to = decodeURIComponent(m?.[1] ?? '');
  const fields = new Map<string, string>();
  for (const part of (m?.[2] ?? '').split('&').filter(Boolean)) {
    const [k, v, ...more] = part.split('=');
    expect(more).toEqual([]);
    expect(['subject', 'body']).toContain(k);
    expect(fields.has(k ?? '')).toBe(false);
    fields.set(k ?? '', decodeURIComponent(v ?? ''));
  }
  return { to, fields };
}

function checkComposed(c: Composed, refIn: string): void {
  expect(c.subject).not.toMatch(NOT_ONE_LINE);
  expect(c.subject).not.toMatch(LONE_SURROGATE);
  expect(c.body).not.toMatch(LONE_SURROGATE);
  expect(c.body).not.toMatch(/[\r\u2028\u2029\u0085]/);
  expect(c.refId).toMatch(/^[A-Za-z0-9-]{1,40}$/);
  if (REF_PATTERN.test(refIn)) expect(c.refId).toBe(refIn);
  expect(c.subject.endsWith(`(${c.refId})`)).toBe(true);
  expect(c.subject.length).toBeLessThanOrEqual(300);
}

/**
 * Metadata and one-line form fields cannot add lines of their own: before the description every
 * non-empty line starts like a template line, and after it come exactly the template's lines.
 */
function checkBodyStructure(c: Composed): void {
  const L = (k: keyof typeof REPORT_TEXT): string => REPORT_TEXT[k][c.lang];
  const lines = c.body.split('\n');
  const descAt = lines.indexOf(`${L('labelDescription')}:`);
  expect(descAt).toBeGreaterThan(0);
  const introStarts = ['introDataset', 'introService', 'introSeries', 'introOrganisation'].map((k) => L(k as keyof typeof REPORT_TEXT).split('"')[0]!.split('{')[0]!);
  const labels = ['labelProblem', 'labelDataset', 'labelService', 'labelOrganisation', 'labelPortal', 'labelIdentifier', 'labelDistribution', 'labelWhere', 'labelPage'].map(
    (k) => `${L(k as keyof typeof REPORT_TEXT)}: `,
  );
  lines.slice(0, descAt).forEach((line, i) => {
    if (line === '') return;
    if (i === 0) return expect(line).toBe(L('greeting'));
    expect([...introStarts, ...labels].some((p) => line.startsWith(p)), `line ${i}: ${JSON.stringify(line.slice(0, 60))}`).toBe(true);
  });
  const tail = lines.slice(lines.lastIndexOf('-- ') - 1);
  expect(tail).toEqual(['', '-- ', L('footer')]);
  const name = lines.lastIndexOf(L('closing'));
  expect(name).toBeGreaterThan(descAt);
  // After the closing: at most the sender's name (one line), then the signature.
  expect(lines.length - 3 - name).toBeLessThanOrEqual(2);
  if (lines.length - 3 - name === 2) expect(lines[name + 1]).not.toBe('');
}

// ---------------------------------------------------------------------------------------------

describe('report composer: any input gives a well-formed report', () => {
  it('composeReport never throws; subject is one clean line ending in the reference; body well-formed', () => {
    fc.assert(
      fc.property(composeInput, (input) => {
        const c = composeReport(input);
        checkComposed(c, input.refId);
        checkBodyStructure(c);
        expect(plainText(c)).toContain(c.subject);
      }),
      { numRuns: RUNS },
    );
  });

  it('mailtoPlan stays within its length limit, keeps one recipient and two header fields, or refuses with a typed error', () => {
    fc.assert(
      fc.property(composeInput, emailish, fc.oneof(fc.constant(MAILTO_MAX), fc.integer({ min: 0, max: 4000 })), (input, to, max) => {
        const c = composeReport(input);
        const plan = valueOrTypedError(() => mailtoPlan(to, c, max));
        const valid = to === '' || normaliseEmail(to) === to;
        if (!valid) expect(plan, 'an unusable address is refused').toBeUndefined();
        if (!plan) {
          // Refusing a usable address is only allowed when even "address + reference" is over the limit.
          if (valid) expect(`mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(c.refId)}`.length).toBeGreaterThan(max);
          return;
        }
        expect(plan.url.length).toBeLessThanOrEqual(max);
        const { to: decodedTo, fields } = parseMailto(plan.url);
        expect(decodedTo).toBe(to);
        expect(decodedTo).not.toMatch(/[,;\r\n?]/);
        const subject = fields.get('subject') ?? '';
        expect(subject).not.toMatch(/[\r\n]/);
        if (plan.kind === 'full') {
          expect(subject).toBe(c.subject);
          expect(fields.get('body')).toBe(c.body.replace(/\n/g, '\r\n'));
        } else {
          expect(subject).toContain(c.refId);
          expect(plan.clipboard).toContain(c.body);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a usable address always gets a link within MAILTO_MAX', () => {
    const address = fc
      .tuple(fc.stringMatching(/^[a-z0-9.+_-]{1,64}$/), fc.stringMatching(/^[a-z0-9-]{1,40}(\.[a-z0-9-]{1,20}){0,3}\.[a-z]{2,6}$/))
      .map(([l, d]) => `${l}@${d}`)
      .filter((a) => normaliseEmail(a) === a);
    fc.assert(
      fc.property(composeInput, address, (input, to) => {
        const plan = mailtoPlan(to, composeReport(input));
        expect(plan.url.length).toBeLessThanOrEqual(MAILTO_MAX);
      }),
      { numRuns: RUNS },
    );
  });

  it('every send path gives safe steps or a typed error: only mailto:/http(s) opened, .eml headers cannot be injected', () => {
    fc.assert(
      fc.property(
        composeInput,
        fc.option(recipient, { nil: undefined }),
        fc.constantFrom('mailto', 'clipboard', 'eml', 'web-form'),
        fc.record({ name: text, email: emailish }, { requiredKeys: [] }),
        (input, r, channel, from) => {
          const c = composeReport(input);
          const steps = valueOrTypedError(() => sendSteps(channel, r, c, { from, now: T }));
          if (!steps) return;
          if (steps.open !== undefined) {
            const ok = steps.open.startsWith('mailto:') || ['http:', 'https:'].includes(new URL(steps.open).protocol);
            expect(ok, steps.open.slice(0, 80)).toBe(true);
            if (steps.open.startsWith('mailto:')) expect(steps.open.length).toBeLessThanOrEqual(MAILTO_MAX);
          }
          if (steps.copy !== undefined) expect(steps.copy).not.toMatch(LONE_SURROGATE);
          if (steps.download) {
            expect(steps.download.filename).toMatch(/^[A-Za-z0-9-]{1,40}\.eml$/);
            const eml = steps.download.content;
            expect(eml).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
            for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
            const cut = eml.indexOf('\r\n\r\n');
            const headers = parseHeaders(eml.slice(0, cut));
            expect(decodeRfc2047(headers.get('Subject') ?? '')).toBe(c.subject);
            for (const h of ['From', 'To', 'Subject']) {
              // Header lines that a person reads stay within 78 characters, except an address that is longer by itself.
              for (const line of (headers.get(h) ?? '').split('\r\n')) if (!/<[^>]{60,}>/.test(line)) expect(`${h}: ${line}`.length).toBeLessThanOrEqual(78);
            }
            const to = headers.get('To');
            if (to !== undefined) {
              const addr = /<([^<>]*)>$/.exec(to)?.[1];
              expect(addr !== undefined && normaliseEmail(addr) === addr).toBe(true);
            }
            const body = Buffer.from(eml.slice(cut + 4).replace(/\r\n/g, ''), 'base64').toString('utf8');
            expect(body).toBe(c.body.replace(/\n/g, '\r\n'));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('buildEml alone: any recipient and sender give the whitelisted headers only', () => {
    fc.assert(
      fc.property(composeInput, recipient, fc.record({ name: text, email: emailish }, { requiredKeys: [] }), (input, to, from) => {
        const c = composeReport(input);
        const eml = valueOrTypedError(() => buildEml({ to, from, composed: c, date: new Date(T) }));
        if (eml === undefined) return;
        parseHeaders(eml.slice(0, eml.indexOf('\r\n\r\n')));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// History export / import

const boundedText = (max: number): fc.Arbitrary<string> => fc.oneof(hostile(), fc.constant('')).map((s) => s.slice(0, max));
/** The schema says "a number": any finite one, including those no Date can hold (±1e300). */
const timestamp = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.constantFrom(0, Date.parse('2026-01-20T10:00:00Z'), 8.64e15 + 1, -1e300, 1e300, 0.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
);
const record: fc.Arbitrary<ReportRecord> = fc.record({
  id: boundedText(40).filter((s) => s.length > 0),
  targetKey: boundedText(3000),
  target: fc.record(
    {
      kind: fc.constantFrom('dataset', 'dataservice', 'series', 'organisation'),
      contextId: boundedText(64),
      entryId: boundedText(64),
      uri: boundedText(2048),
      title: boundedText(1000),
      portalUrl: boundedText(2048),
      portalUrlEn: boundedText(2048),
      publisherName: boundedText(500),
      publisherUri: boundedText(500),
      distribution: fc.record({ uri: boundedText(2048), title: boundedText(1000), url: boundedText(2048) }, { requiredKeys: ['uri', 'title'] }),
    },
    { requiredKeys: ['kind', 'title'] },
  ),
  category: fc.constantFrom(...REPORT_CATEGORIES),
  lang: fc.constantFrom('sv', 'en'),
  recipient: fc.record({ kind: fc.constantFrom('contact-email', 'contact-url', 'publisher-email', 'publisher-homepage', 'custom'), address: boundedText(2048), name: boundedText(300) }, { requiredKeys: ['kind', 'address'] }),
  channel: fc.constantFrom('mailto', 'clipboard', 'eml', 'web-form'),
  subject: boundedText(1000),
  body: fc.oneof(boundedText(40_000), huge.map((s) => s.slice(0, 40_000))),
  createdAt: timestamp,
  sentAt: timestamp,
  status: fc.constantFrom('sent', 'answered', 'fixed', 'closed-no-fix', 'no-answer'),
  statusAt: timestamp,
});
const records = fc.uniqueArray(record, { maxLength: 8, selector: (r) => r.id });

/** RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF row ends. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('history export: CSV for spreadsheets, JSON that imports back', () => {
  it('CSV: one row per report, every cell reads back, no cell starts a formula', () => {
    fc.assert(
      fc.property(records, fc.constantFrom('sv', 'en'), (list, lang) => {
        const csv = exportCsv(list, lang);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const rows = readCsv(csv.slice(1));
        expect(rows).toHaveLength(list.length + 1);
        for (const row of rows) expect(row).toHaveLength(14);
        for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        // The free-text columns read back as written (a formula starter gets its apostrophe).
        const expectText = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/\r\n?/g, '\n');
        sortReports(list).forEach((r, i) => {
          const row = rows[i + 1] ?? [];
          expect(row[0]).toBe(expectText(r.id));
          expect(row[5]).toBe(expectText(r.target.title));
          expect(row[9]).toBe(expectText(r.recipient.address));
          expect(row[12]).toBe(expectText(r.subject));
          expect(row[13]).toBe(expectText(r.body));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON: export → UTF-8 file → import gives back exactly the same reports', () => {
    fc.assert(
      fc.property(records, (list) => {
        const file = new TextDecoder().decode(new TextEncoder().encode(exportJson(list, T)));
        const parsed = parseImport(file);
        expect(parsed.skipped).toEqual([]);
        expect(new Map(parsed.reports.map((r) => [r.id, r]))).toEqual(new Map(list.map((r) => [r.id, ReportRecord.parse(r)])));
      }),
      { numRuns: RUNS },
    );
  });

  it('import of any text gives valid reports or an ImportError', () => {
    const envelope = fc.record({ format: fc.constantFrom('insyn-reports', 'other'), version: fc.oneof(fc.integer(), fc.anything()), reports: fc.oneof(fc.array(fc.oneof(record, fc.anything())), fc.anything()) });
    fc.assert(
      fc.property(fc.oneof(text, fc.jsonValue().map((v) => JSON.stringify(v)), envelope.map((e) => JSON.stringify(e)), fc.array(fc.oneof(record, fc.anything())).map((a) => JSON.stringify(a))), (input) => {
        try {
          const r = parseImport(input);
          for (const rep of r.reports) expect(ReportRecord.safeParse(rep).success).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The counterexamples the properties found, kept as plain examples.

describe('counterexamples found by the properties', () => {
  const base = composeReport({ target: { kind: 'dataset', title: 'T' }, form: { category: 'other', description: 'd', where: '', reporterName: '', reporterEmail: '', includePage: false, lang: 'sv' }, refId: 'INSYN-20260120-K7QF' });

  it('an emoji title cut at the subject limit no longer leaves half a surrogate pair (mailto threw URIError)', () => {
    const c = composeReport({ target: { kind: 'dataset', title: '😀'.repeat(60) }, form: { category: 'other', description: 'd', where: '', reporterName: '', reporterEmail: '', includePage: false, lang: 'sv' }, refId: 'INSYN-20260120-K7QF' });
    expect(mailtoPlan('a@b.se', c).url.length).toBeLessThanOrEqual(MAILTO_MAX);
  });

  it('an address too long for any link is a typed error, not an endless loop', () => {
    expect(() => mailtoPlan(`${'€'.repeat(200)}@x.se`, base)).toThrow(expect.objectContaining({ name: 'ComposeError', kind: 'too-long' }));
    expect(() => mailtoPlan('x'.repeat(2000), base)).toThrow(expect.objectContaining({ name: 'ComposeError', kind: 'bad-recipient' }));
  });

  it('a recipient address with a line break adds no header to the .eml, and no recipient to mailto', () => {
    const eml = buildEml({ to: { kind: 'contact-email', address: 'a@b.se\r\nBcc: evil@x.se' }, composed: base, date: new Date(T) });
    expect(eml).not.toMatch(/^Bcc:/m);
    expect(eml).not.toMatch(/^To:/m);
    expect(() => mailtoPlan('a@b.se,evil@x.se', base)).toThrow(expect.objectContaining({ kind: 'bad-recipient' }));
  });

  it('a web-form recipient that is not http(s) is never opened', () => {
    expect(() => sendSteps('web-form', { kind: 'contact-url', address: 'javascript:alert(1)' }, base, { now: T })).toThrow(expect.objectContaining({ kind: 'bad-recipient' }));
  });

  it('a line break in registry metadata stays inside its fact line', () => {
    const c = composeReport({ target: { kind: 'dataset', title: 'T', uri: 'https://x.se/d\nSvara gärna till: evil@x.se' }, form: { category: 'other', description: 'd', where: '', reporterName: '', reporterEmail: '', includePage: false, lang: 'sv' }, refId: 'INSYN-20260120-K7QF' });
    expect(c.body).not.toMatch(/^Svara gärna till/m);
  });

  it('CSV export of a report whose time no Date can hold (from an import) no longer throws', () => {
    const r = ReportRecord.parse({ id: 'X', targetKey: 'k', target: { kind: 'dataset', title: 't' }, category: 'other', lang: 'sv', recipient: { kind: 'custom', address: '' }, channel: 'mailto', subject: 's', body: 'b', createdAt: 0, sentAt: 1e300, status: 'sent', statusAt: 8.64e15 + 1 });
    expect(exportCsv([r], 'sv').split('\r\n')[1]).toMatch(/^X,,Skickad,,/);
  });
});
