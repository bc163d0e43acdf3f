// The generated fixture pages must be what the benchmark says they are: size, element count, and
// (checked with the real collector) a public-sector signal only on the public page.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../lib/detect/collect.ts';
import { hasSignal } from '../../../lib/detect/signals.ts';
import { formatOrg, generatePage, prng } from '../../../scripts/bench/pages.ts';

const loc = (host: string) => ({ href: `https://${host}/`, hostname: host, pathname: '/' });
const signals = (html: string, host: string) => collectSignals(parseHTML(html).document as unknown as Document, loc(host));

describe('bench fixture pages', () => {
  const pub = generatePage({ host: 'www.skatteverket.se', site: 'Skatteverket', footer: `Organisationsnummer: ${formatOrg('2021005448')}`, elements: 15_000 });

  it('the large public page is about 1.5 MB and 15,000 elements', () => {
    expect(pub.bytes).toBeGreaterThan(1.3e6);
    expect(pub.bytes).toBeLessThan(1.7e6);
    const { document } = parseHTML(pub.html);
    const count = document.querySelectorAll('*').length;
    expect(count).toBeGreaterThan(14_500);
    expect(count).toBeLessThan(15_500);
    expect(Math.abs(count - pub.elements)).toBeLessThan(20);
  });

  it('the public page carries its org number in the footer and is recognised', () => {
    const s = signals(pub.html, 'www.skatteverket.se');
    expect(s.orgNumbers).toContainEqual({ value: '2021005448', where: 'footer', labelled: true });
    expect(hasSignal(s)).toBe(true);
  });

  it('a commercial page (private org number, shop links) has no public-sector signal', () => {
    const shop = generatePage({
      host: 'www.handelsbolaget-exempel.se',
      site: 'Exempel Handel AB',
      footer: 'Exempel Handel AB · Org.nr 556036-0793',
      aboutLinks: '<li><a href="/kopvillkor">Köpvillkor</a></li>',
      elements: 3_000,
    });
    const s = signals(shop.html, 'www.handelsbolaget-exempel.se');
    expect(s.orgNumbers.map((o) => o.value)).toEqual(['5560360793']);
    expect(hasSignal(s)).toBe(false);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const spec = { host: 'a.se', site: 'A', footer: 'x', elements: 500 };
    expect(generatePage({ ...spec, seed: 7 }).html).toBe(generatePage({ ...spec, seed: 7 }).html);
    expect(generatePage({ ...spec, seed: 7 }).html).not.toBe(generatePage({ ...spec, seed: 8 }).html);
    const a = prng(1);
    const b = prng(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('escapes text it is given', () => {
    expect(generatePage({ host: 'a.se', site: '<b>&', footer: '"x"', elements: 200 }).html).toContain('&lt;b&gt;&amp;');
  });
});
