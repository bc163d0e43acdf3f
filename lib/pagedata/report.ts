// "Not in the catalogue" as a report to the page's organisation, through the report module
// (lib/report): category `missing-dataset`, target the organisation, the found URL as "where", and a
// prefilled description. The user's own mail client sends it (DESIGN: Insyn sends nothing).
// `missingDatasetDraft` gives the draft the report form opens with; `missingDatasetMailto` the
// one-click mail when the body has an e-mail address (else the draft's text for the clipboard).
import { pickText } from '../dcat/text';
import type { Publisher } from '../dcat/types';
import { composeReport, mailtoPlan, makeRefId, plainText, type MailPlan } from '../report/compose';
import { isEmailRecipient, publisherRoutes } from '../report/route';
import { targetKey, type ReportDraft, type ReportTarget } from '../report/types';
import type { Finding } from './types';

const DESCRIPTION = {
  sv: (url: string, what: string) =>
    `Webbsidan använder ${what} som inte finns beskriven i er katalog på Sveriges dataportal (dataportal.se):\n${url}\n\nKan ni publicera den som öppna data, med licens, uppdateringsfrekvens och kontaktuppgifter?`,
  en: (url: string, what: string) =>
    `The web page uses ${what} that is not described in your catalogue on Sweden's data portal (dataportal.se):\n${url}\n\nCould you publish it as open data, with a licence, update frequency and contact details?`,
} as const;

const WHAT = {
  sv: { api: 'ett API', service: 'en karttjänst', file: 'en datafil', docs: 'en API-beskrivning', feed: 'ett flöde', catalog: 'en datakatalog' },
  en: { api: 'an API', service: 'a map service', file: 'a data file', docs: 'an API description', feed: 'a feed', catalog: 'a data catalogue' },
} as const;

export interface MissingReportInput {
  finding: Finding;
  /** The page the finding was on; included in the report (the user sends it themselves). */
  pageUrl: string;
  publisher?: Publisher;
  /** The organisation's name when no publisher record is known. */
  orgName?: string;
  publisherUri?: string;
  lang: 'sv' | 'en';
  now: number;
  random?: (n: number) => Uint8Array;
}

export function missingDatasetDraft(input: MissingReportInput): ReportDraft {
  const { finding: f, lang } = input;
  const name = (input.publisher && pickText(input.publisher.name, lang)) ?? input.orgName ?? '';
  const publisherUri = input.publisher?.uri ?? input.publisherUri;
  const target: ReportTarget = {
    kind: 'organisation',
    title: name || (lang === 'sv' ? 'Organisationen' : 'The organisation'),
    ...(name && { publisherName: name }),
    ...(publisherUri && { publisherUri }),
  };
  const routes = publisherRoutes(input.publisher, lang);
  const url = f.pattern ?? f.url;
  const what = `${WHAT[lang][f.kind]}${f.format ? ` (${f.format})` : ''}`;
  return {
    key: `${targetKey(target)}#missing:${f.url}`.slice(0, 3000),
    refId: makeRefId(input.now, input.random),
    target,
    routes,
    ...(routes[0] && { recipient: routes[0] }),
    form: {
      category: 'missing-dataset',
      description: DESCRIPTION[lang](url, what),
      where: f.url.slice(0, 2000),
      reporterName: '',
      reporterEmail: '',
      includePage: true,
      pageUrl: input.pageUrl,
      lang,
    },
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** The prefilled report: a mailto: when the organisation has an e-mail address, else its text (and the web route, if any). */
export function missingDatasetMailto(input: MissingReportInput): { mailto: string; clipboard?: string; text: string; web?: string; refId: string } {
  const draft = missingDatasetDraft(input);
  const composed = composeReport({ target: draft.target, form: draft.form, refId: draft.refId, ...(draft.recipient && { recipient: draft.recipient }) });
  const email = draft.routes.find(isEmailRecipient);
  const web = draft.routes.find((r) => r.kind === 'publisher-homepage')?.address;
  // This link is built while the panel renders: an address no link can hold (ComposeError) leaves
  // the recipient for the user to fill in rather than breaking the panel.
  let plan: MailPlan;
  try {
    plan = mailtoPlan(email?.address ?? '', composed);
  } catch {
    plan = mailtoPlan('', composed);
  }
  return {
    mailto: plan.url,
    ...(plan.kind === 'clipboard' && { clipboard: plan.clipboard }),
    text: plainText(composed),
    ...(web && { web }),
    refId: draft.refId,
  };
}
