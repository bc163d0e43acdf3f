// Every user-facing string of the UI, in Swedish and English side by side so that a missing
// translation is a type error, not a blank in the popup. Placeholders are {name}.
export const STRINGS = {
  appName: { sv: 'Insyn', en: 'Insyn' },
  tagline: {
    sv: 'Öppna data bakom offentliga webbplatser',
    en: 'The open data behind public-sector websites',
  },
  loading: { sv: 'Hämtar…', en: 'Loading…' },
  retry: { sv: 'Försök igen', en: 'Try again' },
  close: { sv: 'Stäng', en: 'Close' },
  back: { sv: 'Tillbaka', en: 'Back' },
  openOptions: { sv: 'Inställningar', en: 'Settings' },
  notWebPage: {
    sv: 'Det här är inte en webbsida. Öppna Insyn på en myndighets, kommuns eller regions webbplats.',
    en: 'This is not a web page. Open Insyn on the website of an agency, municipality or region.',
  },
  siteLabel: { sv: 'Webbplats', en: 'Website' },

  // Options
  optionsTitle: { sv: 'Insyn – inställningar', en: 'Insyn – settings' },
  languageLabel: { sv: 'Språk', en: 'Language' },
  languageAuto: { sv: 'Som webbläsaren', en: 'Same as the browser' },
  languageSv: { sv: 'Svenska', en: 'Svenska (Swedish)' },
  languageEn: { sv: 'English (engelska)', en: 'English' },
  saved: { sv: 'Sparat', en: 'Saved' },
  privacyTitle: { sv: 'Integritet', en: 'Privacy' },
  privacySummary: {
    sv: 'Insyn skickar aldrig vad du surfar på. Den frågar bara dataportal.se om organisationer och datamängder, och allt den sparar ligger kvar i din webbläsare.',
    en: 'Insyn never sends what you browse. It only asks dataportal.se about organisations and datasets, and everything it stores stays in your browser.',
  },
} as const satisfies Record<string, { sv: string; en: string }>;

export type StringKey = keyof typeof STRINGS;
