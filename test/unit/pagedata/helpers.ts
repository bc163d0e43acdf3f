// Loads the saved fixture pages (test/fixtures/pagedata) the way the extension reads a live page:
// the document through linkedom, the resource-timing entries from the page's `.resources.json`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { collectPageUrls, type PageDataLimits, type PageUrls, type ResourceEntryLike } from '../../../lib/pagedata/collect';
import { extractFindings } from '../../../lib/pagedata/extract';
import type { PageFindings } from '../../../lib/pagedata/types';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/pagedata');

export const PAGES = {
  agency: { file: 'agency-statistics', url: 'https://www.skatteverket.se/statistik/skattesatser' },
  map: { file: 'municipal-map', url: 'https://goteborg.se/wps/portal/karta' },
  tracking: { file: 'tracking', url: 'https://www.exempel.se/nyheter' },
} as const;

export function docOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function loadPage(name: keyof typeof PAGES, limits?: PageDataLimits): { html: string; urls: PageUrls; findings: PageFindings; url: string } {
  const p = PAGES[name];
  const html = readFileSync(path.join(FIXTURES, `${p.file}.html`), 'utf8');
  const entries = JSON.parse(readFileSync(path.join(FIXTURES, `${p.file}.resources.json`), 'utf8')) as ResourceEntryLike[];
  const urls = collectPageUrls(docOf(html), p.url, entries, limits);
  return { html, urls, findings: extractFindings(urls, p.url), url: p.url };
}

export function byId(f: PageFindings, id: string) {
  return f.findings.find((x) => x.id === id);
}
