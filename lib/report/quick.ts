// The shortest real route for "Report a data error" from a dataset: a mailto to the dataset's
// contact point (else the publisher's address), prefilled with what the body needs to find the
// dataset. The full report form (categories, drafts, history) builds on this.
import type { ItemDetail } from '../dcat/types';
import { pickText } from '../dcat/text';
import type { Lang } from '../i18n';

export interface Recipient {
  kind: 'contact-email' | 'contact-url' | 'publisher-email' | 'publisher-homepage';
  address: string;
}

/** Routing order from the issue: contact e-mail, contact web form, publisher e-mail, publisher homepage. */
export function reportRecipient(item: ItemDetail): Recipient | undefined {
  const withEmail = item.contactPoints.find((c) => c.email);
  if (withEmail?.email) return { kind: 'contact-email', address: withEmail.email };
  const withUrl = item.contactPoints.find((c) => c.url && /^https?:/i.test(c.url));
  if (withUrl?.url) return { kind: 'contact-url', address: withUrl.url };
  if (item.publisher?.email) return { kind: 'publisher-email', address: item.publisher.email.replace(/^mailto:/i, '') };
  const home = item.publisher?.homepages.find((h) => /^https?:/i.test(h));
  if (home) return { kind: 'publisher-homepage', address: home };
  return undefined;
}

const TEXT = {
  sv: {
    subject: (title: string) => `Fel i data: ${title}`,
    body: (title: string, link: string) =>
      `Hej,\n\nJag vill rapportera ett fel i datamängden "${title}" (${link}).\n\nVad är fel:\n\n\nVar (rad, kolumn eller länk):\n\n\nMed vänlig hälsning\n`,
  },
  en: {
    subject: (title: string) => `Data error: ${title}`,
    body: (title: string, link: string) =>
      `Hello,\n\nI would like to report an error in the dataset "${title}" (${link}).\n\nWhat is wrong:\n\n\nWhere (row, column or link):\n\n\nKind regards\n`,
  },
} as const;

/** A mailto: link, or the contact web page when the body has no e-mail; undefined when there is no route at all. */
export function composeQuickReport(item: ItemDetail, portalUrl: string, lang: Lang): string | undefined {
  const to = reportRecipient(item);
  if (!to) return undefined;
  if (to.kind === 'contact-url' || to.kind === 'publisher-homepage') return to.address;
  const title = pickText(item.title, lang) ?? item.uri;
  const text = TEXT[lang];
  const q = `subject=${encodeURIComponent(text.subject(title))}&body=${encodeURIComponent(text.body(title, portalUrl))}`;
  return `mailto:${encodeURIComponent(to.address).replace(/%40/g, '@')}?${q}`;
}
