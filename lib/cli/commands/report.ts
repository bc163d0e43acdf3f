// `insyn report --dataset <id> --category <c> --message <text>`: composes a data-error report with
// the same code as the extension (lib/report) and prints it with its route, or writes an .eml file.
// Like the extension, it sends nothing: the user sends the message with their own mail program.
import { writeFile } from 'node:fs/promises';
import type { ItemDetail } from '../../dcat/types';
import { RegistryError } from '../../registry/errors';
import { ComposeError, composeReport, makeRefId, mailtoPlan, MAILTO_MAX, REF_PATTERN, sendSteps, type MailPlan } from '../../report/compose';
import { customRecipient, isEmailRecipient } from '../../report/route';
import { itemTarget } from '../../report/target';
import { categoryLabel } from '../../report/text';
import { REPORT_CATEGORIES, ReportCategory, type Recipient, type ReportLang } from '../../report/types';
import type { CliContext, Command } from '../commands';
import { CliError } from '../errors';
import { parseItemRef } from './dataset';
import { EXIT, EXIT_HELP, parseCommandArgs, usage, withRegistry } from './common';

const OPTIONS = {
  dataset: { type: 'string' },
  category: { type: 'string', short: 'c' },
  message: { type: 'string', short: 'm' },
  where: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  to: { type: 'string' },
  eml: { type: 'string' },
  ref: { type: 'string' },
} as const;

const ROUTE_LABEL: Record<Recipient['kind'], { sv: string; en: string }> = {
  'contact-email': { sv: 'kontaktpunktens e-post', en: 'contact point e-mail' },
  'contact-url': { sv: 'kontaktpunktens webbsida/formulär', en: 'contact point web page/form' },
  'publisher-email': { sv: 'utgivarens e-post', en: "publisher's e-mail" },
  'publisher-homepage': { sv: 'utgivarens webbplats', en: "publisher's website" },
  custom: { sv: 'vald med --to', en: 'chosen with --to' },
};

function routeLine(r: Recipient, lang: ReportLang): string {
  return `${r.address} (${ROUTE_LABEL[r.kind][lang]}${r.name ? `: ${r.name}` : ''})`;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'report', OPTIONS);
  const datasetArg = values.dataset ?? positionals[0];
  if (!datasetArg) throw usage('missing --dataset <id>. Run "insyn report --help".');
  if (positionals.length > (values.dataset ? 0 : 1)) throw usage(`unexpected argument: ${positionals.join(' ')}`);
  const category = ReportCategory.safeParse(values.category);
  if (!category.success) throw usage(`--category must be one of: ${REPORT_CATEGORIES.join(', ')}.`);
  const message = values.message ?? '';
  if (!message.trim() && category.data !== 'no-contact-point') throw usage('missing --message <text>: describe the problem.');
  const langArg = values.lang;
  if (langArg !== undefined && langArg !== 'sv' && langArg !== 'en') throw usage('--lang must be sv or en.');
  const lang: ReportLang = langArg === 'en' ? 'en' : 'sv';
  if (values.ref !== undefined && !REF_PATTERN.test(values.ref)) throw usage('--ref must look like INSYN-YYYYMMDD-XXXX.');
  let custom: Recipient | undefined;
  if (values.to !== undefined) {
    custom = customRecipient(values.to);
    if (!custom) throw usage('--to must be an e-mail address or an http(s) URL.');
  }
  const ref = parseItemRef(datasetArg);

  return withRegistry(ctx, { noCache: values['no-cache'] }, async ({ client, settle }) => {
    const item = await settle<ItemDetail>((o) => client.getItem(ref, o)).catch((err: unknown) => {
      if (err instanceof RegistryError && err.status === 404) {
        throw new CliError(`no dataset, API or series ${ref.contextId}_${ref.entryId} in the registry (HTTP 404).`, EXIT.notFound);
      }
      throw err;
    });
    const portal = { sv: client.portalUrl(item, 'sv'), en: client.portalUrl(item, 'en') };
    const { target, routes, noContactPoint } = itemTarget(item, portal, lang);
    const recipient = custom ?? routes[0];
    const now = Date.now();
    const refId = values.ref ?? makeRefId(now);
    const composed = composeReport({
      target,
      form: {
        category: category.data,
        description: message,
        where: values.where ?? '',
        reporterName: values.name ?? '',
        reporterEmail: values.email ?? '',
        includePage: false,
        lang,
      },
      recipient,
      refId,
      noContactPoint,
    });
    const emailRoute = recipient !== undefined && isEmailRecipient(recipient);
    let plan: MailPlan | undefined;
    try {
      plan = emailRoute ? mailtoPlan(recipient.address, composed) : undefined;
    } catch (err) {
      // An address no mailto: link can hold: the text is printed anyway, to be copied.
      if (!(err instanceof ComposeError)) throw err;
    }

    if (values.eml) {
      const steps = sendSteps('eml', recipient, composed, { from: { name: values.name, email: values.email }, now });
      await writeFile(values.eml, steps.download?.content ?? '', 'utf8');
    }

    if (ctx.json) {
      ctx.io.stdout(
        `${JSON.stringify(
          {
            reference: refId,
            category: category.data,
            lang,
            recipient: recipient ?? null,
            routes,
            noContactPoint,
            subject: composed.subject,
            body: composed.body,
            mailto: plan ? { url: plan.url, fits: plan.kind === 'full', max: MAILTO_MAX } : null,
            ...(values.eml && { eml: values.eml }),
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }

    const L = lang === 'sv';
    const out: string[] = [];
    if (noContactPoint) out.push(L ? 'Fynd: datamängden har ingen kontaktpunkt på dataportal.se.' : 'Finding: this dataset has no contact point on dataportal.se.');
    out.push(`${L ? 'Till' : 'To'}: ${recipient ? routeLine(recipient, lang) : L ? '(ingen kontaktväg – ange --to)' : '(no route – give --to)'}`);
    for (const r of routes) if (r !== recipient) out.push(`${L ? 'Annan väg' : 'Other route'}: ${routeLine(r, lang)}`);
    out.push(`${L ? 'Kategori' : 'Category'}: ${categoryLabel(category.data, lang)}`);
    out.push(`${L ? 'Ämne' : 'Subject'}: ${composed.subject}`, '', composed.body, '');
    if (plan?.kind === 'full') out.push(`mailto: ${plan.url}`);
    else if (plan || emailRoute) out.push(L ? `(För lång för en mailto:-länk, över ${MAILTO_MAX} tecken: kopiera texten ovan.)` : `(Too long for a mailto: link, over ${MAILTO_MAX} characters: copy the text above.)`);
    else if (recipient) out.push(`${L ? 'Klistra in texten i formuläret' : 'Paste the text into the form'}: ${recipient.address}`);
    if (values.eml) out.push(`${L ? 'Skrev' : 'Wrote'} ${values.eml}`);
    ctx.io.stdout(`${out.join('\n')}\n`);
    return EXIT.ok;
  });
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'report --dataset <id> --category <c> --message <text> [--lang sv|en] [--eml FILE]',
  summary: 'compose a data-error report to the owning body',
  help: [
    'Composes a report of an error in a dataset or API, addressed to its contact point on',
    'dataportal.se (else the publisher), and prints the recipient, subject, message and a mailto: link.',
    'Insyn sends nothing: send the message with your own mail program, or open the .eml file.',
    '',
    'Options:',
    '  --dataset ID     the dataset, as in "insyn dataset" (6_68000 or a dataportal.se page)',
    `  --category C     ${REPORT_CATEGORIES.join(', ')}`,
    '  --message TEXT   what is wrong',
    '  --where TEXT     where: row, column or URL (optional)',
    '  --name, --email  your name and address for a reply (optional)',
    '  --to ADDRESS     another recipient (e-mail or URL) instead of the contact point',
    '  --lang sv|en     language of the message (default sv)',
    '  --eml FILE       also write the message as an .eml file (UTF-8, opens as a draft)',
    '  --ref ID         use this reference id (default: a new INSYN-YYYYMMDD-XXXX)',
    '  --json           print recipient, routes, subject, body and mailto link as JSON',
    '',
    EXIT_HELP,
  ].join('\n'),
  run,
};
