// The report form: category, description, where, optional reply contact, include-page checkbox,
// report language, and the recipient (seen and changeable, with one line on why it is them). The
// draft autosaves while the user types and comes back after the popup closes; a send path that
// fails leaves it in place. Sending is done by the user's own software (mail client, clipboard,
// .eml file, the body's web form); on success the report is kept in the history as "sent".
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { Notice } from '../common/Notice';
import { CopyButton } from '../common/CopyButton';
import { errorText } from '../popup/errors';
import { composeReport, makeRefId, plainText, sendSteps } from '../../lib/report/compose';
import { customRecipient, isEmailRecipient } from '../../lib/report/route';
import { categoryLabel } from '../../lib/report/text';
import {
  REPORT_CATEGORIES,
  targetKey,
  type Recipient,
  type ReportCategory,
  type ReportChannel,
  type ReportDraft,
  type ReportForm as Form,
  type ReportLang,
  type ReportTarget,
} from '../../lib/report/types';
import type { StringKey } from '../../lib/i18n';
import type { ReportApi } from './api';

export const AUTOSAVE_MS = 300;
const OTHER = '__other__';

export interface ReportFormProps {
  api: ReportApi;
  target: ReportTarget;
  /** Routes for the target, best first (lib/report/route.ts). */
  routes: Recipient[];
  /** The dataset states no contact point: shown as a finding and offered as a category. */
  noContactPoint?: boolean;
  /** The page the user is on (sent only if they tick the box). */
  pageUrl?: string;
  defaultCategory?: ReportCategory;
  /**
   * A prefilled draft to start from when none is stored under its key: the page-data panel's
   * "not in the catalogue" report (lib/pagedata/report.ts). Its key keeps one draft per finding.
   */
  prefill?: ReportDraft;
  onClose(): void;
}

/** Categories offered for a target. */
export function categoriesFor(target: ReportTarget, noContactPoint: boolean): ReportCategory[] {
  if (target.kind === 'organisation') return ['missing-dataset', 'other'];
  return REPORT_CATEGORIES.filter((c) => c !== 'missing-dataset' && (c !== 'no-contact-point' || noContactPoint));
}

interface State {
  refId: string;
  createdAt: number;
  form: Form;
  /** Index into routes, or OTHER. */
  choice: string;
  custom: string;
}

function initialState(p: ReportFormProps, now: number): State {
  const noContact = Boolean(p.noContactPoint);
  const category = p.defaultCategory ?? (p.target.kind === 'organisation' ? 'missing-dataset' : noContact ? 'no-contact-point' : 'wrong-values');
  return {
    refId: makeRefId(now),
    createdAt: now,
    form: { category, description: '', where: '', reporterName: '', reporterEmail: '', includePage: false, pageUrl: p.pageUrl, lang: 'sv' },
    choice: p.routes.length > 0 ? '0' : OTHER,
    custom: '',
  };
}

function recipientOf(s: State, routes: Recipient[]): Recipient | undefined {
  if (s.choice === OTHER) return customRecipient(s.custom);
  return routes[Number(s.choice)];
}

function fromDraft(d: ReportDraft, routes: Recipient[], pageUrl: string | undefined): State {
  const i = d.recipient && d.recipient.kind !== 'custom' ? routes.findIndex((r) => r.address === d.recipient?.address) : -1;
  return {
    refId: d.refId,
    createdAt: d.createdAt,
    form: { ...d.form, pageUrl: d.form.pageUrl ?? pageUrl },
    choice: i >= 0 ? String(i) : d.recipient?.kind === 'custom' || routes.length === 0 ? OTHER : '0',
    custom: d.recipient?.kind === 'custom' ? d.recipient.address : '',
  };
}

export function ReportForm(props: ReportFormProps) {
  const { api, target, onClose } = props;
  const { t, lang } = useI18n();
  const key = props.prefill?.key ?? targetKey(target);
  const [routes, setRoutes] = useState<Recipient[]>(props.routes);
  const [state, setState] = useState<State | undefined>();
  const [restored, setRestored] = useState(false);
  const [sent, setSent] = useState<{ ref: string; note?: StringKey; text: string } | undefined>();
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [invalid, setInvalid] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const descRef = useRef<HTMLTextAreaElement>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<ReportDraft | undefined>(undefined);

  // Load the target's draft, if any.
  useEffect(() => {
    let live = true;
    api
      .reportDraft(key)
      .catch(() => undefined)
      .then((d) => {
        if (!live) return;
        if (d) {
          // A draft reopened from the history carries its own routes.
          const r = props.routes.length > 0 ? props.routes : d.routes;
          setRoutes(r);
          setState(fromDraft(d, r, props.pageUrl));
          setRestored(true);
        } else setState(props.prefill ? fromDraft(props.prefill, props.routes, props.pageUrl) : initialState(props, api.now()));
      });
    return () => {
      live = false;
    };
  }, [key]);

  // Focus moves to the heading once the form (or the "sent" view) is there.
  const ready = state !== undefined;
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready, sent === undefined]);

  /** Words for a storage failure (lib/storage/errors.ts kinds); undefined for any other error. */
  const storageErrorText = (err: unknown): string | undefined => {
    const kind = (err as { kind?: unknown } | null)?.kind;
    return kind === 'storage-full' || kind === 'storage-unavailable' ? errorText(t, kind) : undefined;
  };

  const draftOf = (s: State): ReportDraft => {
    const r = recipientOf(s, routes);
    return { key, refId: s.refId, target, routes, ...(r && { recipient: r }), form: s.form, createdAt: s.createdAt, updatedAt: api.now() };
  };
  const recipient = state ? recipientOf(state, routes) : undefined;
  const draft: ReportDraft | undefined = state && draftOf(state);
  latest.current = draft;

  const flush = () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = undefined;
    const d = latest.current;
    if (!d) return Promise.resolve();
    return api.saveReportDraft(d).then(
      () => setSaved(true),
      // The draft could not be kept (a full disk, storage unusable): say so, the text is still in the form.
      (err: unknown) => {
        setSaved(false);
        const words = storageErrorText(err);
        if (words) setError(words);
      },
    );
  };

  // Autosave, debounced; and at once when the popup is closing.
  useEffect(() => {
    if (!dirty || sent) return;
    setSaved(false);
    pending.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(pending.current);
  }, [state, dirty]);
  useEffect(() => {
    const onHide = () => {
      if (pending.current) void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);

  const composed = useMemo(
    () => (state ? composeReport({ target, form: state.form, recipient, refId: state.refId, noContactPoint: props.noContactPoint }) : undefined),
    [state, recipient?.address, recipient?.kind],
  );

  if (!state || !composed) return <p aria-busy="true">{t('loading')}</p>;

  // Every edit is journalled at once, in the event handler (effects run only after the next paint),
  // and saved through the background after AUTOSAVE_MS.
  const setForm = (patch: Partial<Form>) => {
    api.journalDraft?.(draftOf({ ...state, form: { ...state.form, ...patch } }));
    setState((s) => s && { ...s, form: { ...s.form, ...patch } });
    setDirty(true);
    setError(undefined);
  };
  const setChoice = (patch: Partial<Pick<State, 'choice' | 'custom'>>) => {
    api.journalDraft?.(draftOf({ ...state, ...patch }));
    setState((s) => s && { ...s, ...patch });
    setDirty(true);
  };

  const categories = categoriesFor(target, Boolean(props.noContactPoint));
  const customInvalid = state.choice === OTHER && state.custom.trim() !== '' && !recipient;
  const emailRoute = recipient !== undefined && isEmailRecipient(recipient);

  const send = async (channel: ReportChannel) => {
    if (!state.form.description.trim() && state.form.category !== 'no-contact-point' && state.form.category !== 'missing-dataset') {
      setInvalid(true);
      setError(t('reportDescriptionRequired'));
      descRef.current?.focus();
      return;
    }
    setInvalid(false);
    const now = api.now();
    try {
      const steps = sendSteps(channel, recipient, composed, { from: { name: state.form.reporterName, email: state.form.reporterEmail }, now });
      if (steps.copy !== undefined) await api.copyText(steps.copy);
      if (steps.open) api.openExternal(steps.open);
      if (steps.download) api.download(steps.download.filename, steps.download.mime, steps.download.content);
      await api.saveReport(
        {
          id: state.refId,
          targetKey: key,
          target,
          category: state.form.category,
          lang: state.form.lang,
          recipient: recipient ?? { kind: 'custom', address: '' },
          channel,
          subject: composed.subject,
          body: composed.body,
          createdAt: state.createdAt,
          sentAt: now,
          status: 'sent',
          statusAt: now,
        },
        key,
      );
      if (pending.current) clearTimeout(pending.current);
      setSent({
        ref: state.refId,
        note: channel === 'mailto' && steps.copy !== undefined ? 'reportCopiedLong' : channel === 'web-form' ? 'reportCopiedForm' : undefined,
        text: plainText(composed),
      });
    } catch (err) {
      // The draft stays: save it now in case the failure was the popup closing under us.
      void flush();
      setError(storageErrorText(err) ?? t('reportSendFailed', { reason: err instanceof Error && err.message ? err.message : String(err) }));
    }
  };

  if (sent) {
    return (
      <section aria-labelledby="report-h" data-testid="report-sent">
        <h2 id="report-h" tabIndex={-1} ref={heading}>
          {t('reportFormTitle')}
        </h2>
        <Notice testid="report-sent-notice">{t('reportSent', { ref: sent.ref })}</Notice>
        {sent.note && <p class="small">{t(sent.note)}</p>}
        <p class="toolbar">
          <CopyButton text={sent.text} label={sent.ref} />
          <button type="button" onClick={onClose}>
            ← {t('back')}
          </button>
        </p>
      </section>
    );
  }

  const why = whyLine(t, recipient, state.choice === OTHER);
  const title = target.title;
  return (
    <section aria-labelledby="report-h" data-testid="report-form">
      <button type="button" class="link" onClick={onClose}>
        ← {t('back')}
      </button>
      <h2 id="report-h" tabIndex={-1} ref={heading} style={{ marginTop: '0.4rem' }}>
        {t('reportFormTitle')}
      </h2>
      <p class="small">{t('reportAbout', { title })}</p>
      {target.distribution && <p class="small">{t('reportAboutDistribution', { title: target.distribution.title })}</p>}
      {restored && (
        <p class="small muted" role="status" data-testid="draft-restored">
          {t('reportDraftRestored')}
        </p>
      )}
      {props.noContactPoint && target.kind !== 'organisation' && (
        <Notice tone="warn" testid="no-contact-finding">
          {routes.length > 0 ? t('reportNoContactFinding') : t('reportNoRoute')}
        </Notice>
      )}
      <form
        class="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(emailRoute ? 'mailto' : recipient ? 'web-form' : 'clipboard');
        }}
      >
        <p>
          <label for="r-recipient">{t('reportRecipientLabel')}</label>
          <br />
          <select id="r-recipient" value={state.choice} onChange={(e) => setChoice({ choice: (e.currentTarget as HTMLSelectElement).value })} aria-describedby="r-why">
            {routes.map((r, i) => (
              <option key={r.address} value={String(i)}>
                {r.name ? `${r.name} – ${r.address}` : r.address}
              </option>
            ))}
            <option value={OTHER}>{t('reportRecipientOther')}</option>
          </select>
        </p>
        {state.choice === OTHER && (
          <p>
            <label for="r-custom">{t('reportRecipientCustomLabel')}</label>
            <br />
            <input
              id="r-custom"
              type="text"
              value={state.custom}
              onInput={(e) => setChoice({ custom: (e.currentTarget as HTMLInputElement).value })}
              aria-invalid={customInvalid}
              aria-describedby={customInvalid ? 'r-custom-err' : undefined}
              style={{ width: '100%' }}
            />
            {customInvalid && (
              <span id="r-custom-err" role="alert" class="small">
                {t('reportRecipientInvalid')}
              </span>
            )}
          </p>
        )}
        <p id="r-why" class="small muted" data-testid="report-why">
          {why}
        </p>

        <p>
          <label for="r-category">{t('reportCategoryLabel')}</label>
          <br />
          <select id="r-category" value={state.form.category} onChange={(e) => setForm({ category: (e.currentTarget as HTMLSelectElement).value as ReportCategory })}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c, lang)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="r-desc">{t('reportDescriptionLabel')}</label>
          <br />
          <textarea
            id="r-desc"
            ref={descRef}
            rows={5}
            value={state.form.description}
            onInput={(e) => setForm({ description: (e.currentTarget as HTMLTextAreaElement).value })}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'r-error' : undefined}
            style={{ width: '100%', boxSizing: 'border-box' }}
          />
        </p>
        <p>
          <label for="r-where">{t('reportWhereLabel')}</label>
          <br />
          <input id="r-where" type="text" value={state.form.where} onInput={(e) => setForm({ where: (e.currentTarget as HTMLInputElement).value })} style={{ width: '100%', boxSizing: 'border-box' }} />
        </p>
        <p>
          <label for="r-name">{t('reportNameLabel')}</label>
          <br />
          <input id="r-name" type="text" autoComplete="name" value={state.form.reporterName} onInput={(e) => setForm({ reporterName: (e.currentTarget as HTMLInputElement).value })} style={{ width: '100%', boxSizing: 'border-box' }} />
        </p>
        <p>
          <label for="r-email">{t('reportEmailLabel')}</label>
          <br />
          <input id="r-email" type="email" autoComplete="email" value={state.form.reporterEmail} onInput={(e) => setForm({ reporterEmail: (e.currentTarget as HTMLInputElement).value })} style={{ width: '100%', boxSizing: 'border-box' }} />
        </p>
        {state.form.pageUrl && (
          <p>
            <label>
              <input type="checkbox" checked={state.form.includePage} onChange={(e) => setForm({ includePage: (e.currentTarget as HTMLInputElement).checked })} /> {t('reportIncludePage')}
            </label>
          </p>
        )}
        <p>
          <label for="r-lang">{t('reportLangLabel')}</label>{' '}
          <select id="r-lang" value={state.form.lang} onChange={(e) => setForm({ lang: (e.currentTarget as HTMLSelectElement).value as ReportLang })}>
            <option value="sv">{t('languageSv')}</option>
            <option value="en">{t('languageEn')}</option>
          </select>
        </p>

        <details>
          <summary>{t('reportPreview')}</summary>
          <pre class="code" data-testid="report-preview">
            {plainText(composed)}
          </pre>
        </details>

        {error && (
          <p id="r-error" role="alert" class="notice error" data-testid="report-error">
            {error}
          </p>
        )}
        <p class="toolbar">
          {emailRoute && (
            <button type="button" class="primary" onClick={() => void send('mailto')} data-testid="send-mailto">
              {t('reportSendMail')}
            </button>
          )}
          {recipient && !emailRoute && (
            <button type="button" class="primary" onClick={() => void send('web-form')} data-testid="send-form">
              {t('reportSendForm')}
            </button>
          )}
          <button type="button" onClick={() => void send('clipboard')} data-testid="send-copy">
            {t('reportCopy')}
          </button>
          <button type="button" onClick={() => void send('eml')} data-testid="send-eml">
            {t('reportEml')}
          </button>
        </p>
        <p class="small muted" role="status" aria-live="polite" data-testid="draft-status">
          {saved ? t('reportDraftSaved') : ''}
        </p>
        <p class="small muted">{t('reportLocalNote')}</p>
        <p>
          <button
            type="button"
            class="link"
            onClick={async () => {
              if (pending.current) clearTimeout(pending.current);
              await api.deleteReportDraft(key).catch(() => undefined);
              onClose();
            }}
          >
            {t('reportDiscard')}
          </button>
        </p>
      </form>
    </section>
  );
}

function whyLine(t: (k: StringKey, p?: Record<string, string>) => string, r: Recipient | undefined, custom: boolean): string {
  if (!r) return custom ? '' : '';
  const name = r.name ?? r.address;
  switch (r.kind) {
    case 'contact-email':
      return t('reportWhyContact', { name });
    case 'contact-url':
      return t('reportWhyContactUrl');
    case 'publisher-email':
      return t('reportWhyPublisher', { name });
    case 'publisher-homepage':
      return t('reportWhyPublisherHome');
    case 'custom':
      return t('reportWhyCustom');
  }
}
