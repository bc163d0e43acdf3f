// The words of a report, Swedish and English side by side (a missing translation is a type error).
// They are the message a registrar at a public body receives, so they are polite, plain, and say
// what the body needs to find the dataset and answer. Placeholders are {name}, as in lib/i18n.
import type { ReportCategory, ReportStatus } from './types';

export const CATEGORY_LABELS: Record<ReportCategory, { sv: string; en: string }> = {
  'wrong-values': { sv: 'Fel eller inaktuella värden', en: 'Wrong or outdated values' },
  'broken-link': { sv: 'Trasig länk eller nedladdning', en: 'Broken link or download' },
  licence: { sv: 'Licens saknas eller är fel', en: 'Missing or wrong licence' },
  documentation: { sv: 'Dokumentation saknas', en: 'Missing documentation' },
  stale: { sv: 'Fel uppdateringsfrekvens eller gamla data', en: 'Wrong update frequency or stale data' },
  'personal-data': { sv: 'Personuppgifter som inte borde publiceras', en: 'Personal data that should not be published' },
  'missing-dataset': { sv: 'En datamängd saknas', en: 'A dataset is missing' },
  'no-contact-point': { sv: 'Kontaktpunkt saknas', en: 'No contact point' },
  other: { sv: 'Annat', en: 'Other' },
};

export const STATUS_LABELS: Record<ReportStatus, { sv: string; en: string }> = {
  sent: { sv: 'Skickad', en: 'Sent' },
  answered: { sv: 'Besvarad', en: 'Answered' },
  fixed: { sv: 'Åtgärdad', en: 'Fixed' },
  'closed-no-fix': { sv: 'Avslutad utan åtgärd', en: 'Closed without fix' },
  'no-answer': { sv: 'Inget svar', en: 'No answer' },
};

export const REPORT_TEXT = {
  subject: { sv: 'Synpunkt på öppna data: {category} – {title} ({ref})', en: 'Feedback on open data: {category} – {title} ({ref})' },
  greeting: { sv: 'Hej,', en: 'Hello,' },
  introDataset: {
    sv: 'Jag vill uppmärksamma er på ett problem i datamängden "{title}" som {publisher} publicerar på Sveriges dataportal (dataportal.se).',
    en: 'I would like to draw your attention to a problem in the dataset "{title}", published by {publisher} on the Swedish data portal (dataportal.se).',
  },
  introService: {
    sv: 'Jag vill uppmärksamma er på ett problem i API:et "{title}" som {publisher} publicerar på Sveriges dataportal (dataportal.se).',
    en: 'I would like to draw your attention to a problem in the API "{title}", published by {publisher} on the Swedish data portal (dataportal.se).',
  },
  introSeries: {
    sv: 'Jag vill uppmärksamma er på ett problem i dataserien "{title}" som {publisher} publicerar på Sveriges dataportal (dataportal.se).',
    en: 'I would like to draw your attention to a problem in the dataset series "{title}", published by {publisher} on the Swedish data portal (dataportal.se).',
  },
  introOrganisation: {
    sv: 'Jag skriver till {publisher} om era öppna data på Sveriges dataportal (dataportal.se).',
    en: 'I am writing to {publisher} about your open data on the Swedish data portal (dataportal.se).',
  },
  whyContact: {
    sv: 'Jag skriver till er eftersom ni står som kontaktpunkt för den på dataportal.se.',
    en: 'I am writing to you because you are listed as its contact point on dataportal.se.',
  },
  whyPublisher: {
    sv: 'Jag skriver till er eftersom ni står som utgivare på dataportal.se.',
    en: 'I am writing to you because you are listed as the publisher on dataportal.se.',
  },
  whyPublisherNoContact: {
    sv: 'Jag skriver till er som utgivare, eftersom datamängden inte har någon kontaktpunkt på dataportal.se.',
    en: 'I am writing to you as the publisher, because the dataset has no contact point on dataportal.se.',
  },
  theirPublisher: { sv: 'er', en: 'you' },
  labelProblem: { sv: 'Problem', en: 'Problem' },
  labelDataset: { sv: 'Datamängd', en: 'Dataset' },
  labelService: { sv: 'API', en: 'API' },
  labelOrganisation: { sv: 'Organisation', en: 'Organisation' },
  labelPortal: { sv: 'På dataportal.se', en: 'On dataportal.se' },
  labelIdentifier: { sv: 'Identifierare', en: 'Identifier' },
  labelDistribution: { sv: 'Distribution', en: 'Distribution' },
  labelWhere: { sv: 'Var', en: 'Where' },
  labelPage: { sv: 'Sidan jag var på', en: 'The page I was on' },
  labelDescription: { sv: 'Beskrivning', en: 'Description' },
  labelReference: { sv: 'Referens', en: 'Reference' },
  referenceNote: { sv: '{ref} (ange den gärna om ni svarar)', en: '{ref} (please quote it if you reply)' },
  replyTo: { sv: 'Svara gärna till: {contact}', en: 'You can reply to: {contact}' },
  closing: { sv: 'Vänliga hälsningar', en: 'Kind regards' },
  noContactDescription: {
    sv: 'Datamängden har ingen kontaktpunkt (e-postadress eller kontaktformulär) på dataportal.se. Kan ni lägga till en, så att den som använder datamängden kan höra av sig om frågor och fel?',
    en: 'The dataset has no contact point (e-mail address or contact form) on dataportal.se. Could you add one, so that people who use the dataset can get in touch about questions and errors?',
  },
  footer: {
    sv: 'Skrivet med Insyn, ett webbläsartillägg för öppna data. Meddelandet skickas av avsändaren själv.',
    en: 'Written with Insyn, a browser extension for open data. The message is sent by the sender themselves.',
  },
  subjectLabel: { sv: 'Ämne', en: 'Subject' },
  clipboardNote: {
    sv: 'Rapportens text är för lång för en e-postlänk och har kopierats till urklipp. Klistra in den här (Ctrl+V eller Cmd+V).',
    en: 'The report is too long for an e-mail link and has been copied to the clipboard. Paste it here (Ctrl+V or Cmd+V).',
  },
} as const satisfies Record<string, { sv: string; en: string }>;

export function categoryLabel(c: ReportCategory, lang: 'sv' | 'en'): string {
  return CATEGORY_LABELS[c][lang];
}

export function statusLabel(s: ReportStatus, lang: 'sv' | 'en'): string {
  return STATUS_LABELS[s][lang];
}
