// "My reports": every report kept locally, with a status the user updates, reminders for reports
// with no answer after N days, unsent drafts to continue, export as CSV/JSON, import of a JSON
// export (merged without duplicates), and deletion.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { Notice } from '../common/Notice';
import { SafeLink } from '../common/SafeLink';
import { isoDate } from '../../lib/i18n';
import { dueReminders, exportCsv, exportJson, ImportError, isoDay, parseImport } from '../../lib/report/history';
import { categoryLabel, statusLabel } from '../../lib/report/text';
import { REPORT_STATUSES, type ReportDraft, type ReportRecord, type ReportStatus } from '../../lib/report/types';
import type { ReportApi } from './api';
import { ReportForm } from './ReportForm';

// An imported report may carry a time no Date can hold; it shows without a date instead of breaking the list.
const day = isoDay;

export function ReportHistory({ api, onOpenOptions, pageUrl }: { api: ReportApi; pageUrl?: string; /** Set in the popup: import opens the options page (a file chooser closes the popup). */ onOpenOptions?: () => void }) {
  const { t, lang } = useI18n();
  const [reports, setReports] = useState<ReportRecord[] | undefined>();
  const [drafts, setDrafts] = useState<ReportDraft[]>([]);
  const [days, setDays] = useState(0);
  const [error, setError] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [editing, setEditing] = useState<ReportDraft | undefined>();
  const [version, setVersion] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.listReports(), api.reportDrafts().catch(() => []), api.reminderDays().catch(() => 0)])
      .then(([r, d, n]) => {
        if (!live) return;
        setReports(r);
        setDrafts(d);
        setDays(n);
      })
      .catch(() => live && setError(true));
    return () => {
      live = false;
    };
  }, [version]);

  const reload = () => setVersion((v) => v + 1);

  if (editing) {
    const noContact = editing.target.kind !== 'organisation' && editing.routes.every((r) => r.kind !== 'contact-email' && r.kind !== 'contact-url');
    return (
      <ReportForm
        api={api}
        target={editing.target}
        routes={editing.routes}
        noContactPoint={noContact}
        pageUrl={pageUrl}
        onClose={() => {
          setEditing(undefined);
          reload();
        }}
      />
    );
  }
  if (error) return <Notice tone="error">{t('registryError', { kind: 'internal' })}</Notice>;
  if (!reports) return <p aria-busy="true">{t('loading')}</p>;

  const due = dueReminders(reports, api.now(), days);
  const dueIds = new Set(due.map((r) => r.id));

  const onImport = async (file: File) => {
    try {
      const parsed = parseImport(await file.text());
      const res = await api.importReports(parsed.reports);
      setMessage({ tone: 'info', text: t('reportsImported', { added: res.added, updated: res.updated, skipped: parsed.skipped.length }) });
      reload();
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof ImportError ? t('reportsImportFailed') : t('reportSendFailed', { reason: String(err) }) });
    }
  };

  return (
    <section aria-labelledby="reports-h" data-testid="report-history">
      <h2 id="reports-h">{t('panelReports')}</h2>
      {due.length > 0 && (
        <Notice tone="warn" testid="report-reminder">
          {t('reportsReminder', { days, n: due.length })}
        </Notice>
      )}
      {message && (
        <Notice tone={message.tone} testid="report-import-result">
          {message.text}
        </Notice>
      )}

      {drafts.length > 0 && (
        <>
          <h3>{t('reportsDrafts')}</h3>
          <ul class="items" data-testid="report-drafts">
            {drafts.map((d) => (
              <li key={d.key} style={{ padding: '0.4rem 0' }}>
                <strong>{d.target.title}</strong> <span class="small muted">· {categoryLabel(d.form.category, lang)} · {day(d.updatedAt)}</span>{' '}
                <button type="button" aria-label={`${t('reportsContinue')}: ${d.target.title}`} onClick={() => setEditing(d)}>
                  {t('reportsContinue')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {reports.length === 0 ? (
        <p class="muted">{t('reportsNone')}</p>
      ) : (
        <ul class="items" data-testid="report-list">
          {reports.map((r) => (
            <li key={r.id} data-testid="report-item" data-status={r.status} style={{ padding: '0.4rem 0' }}>
              <strong>{r.target.title}</strong>
              {r.target.distribution && <span class="small"> · {r.target.distribution.title}</span>}
              <p class="small muted">
                {categoryLabel(r.category, lang)} · {t('reportsSentOn', { date: day(r.sentAt), to: r.recipient.address || '–' })} · <span data-testid="report-ref">{r.id}</span>
              </p>
              {dueIds.has(r.id) && <p class="small">⏰ {t('reportsReminder', { days, n: 1 })}</p>}
              <p class="toolbar small">
                <label for={`st-${r.id}`} class="visually-hidden">
                  {t('reportsStatusLabel', { ref: r.id })}
                </label>
                <select
                  id={`st-${r.id}`}
                  value={r.status}
                  onChange={async (e) => {
                    const status = (e.currentTarget as HTMLSelectElement).value as ReportStatus;
                    await api.setReportStatus(r.id, status);
                    reload();
                  }}
                >
                  {REPORT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s, lang)}
                    </option>
                  ))}
                </select>
                {r.target.portalUrl && <SafeLink href={lang === 'en' ? r.target.portalUrlEn ?? r.target.portalUrl : r.target.portalUrl}>dataportal.se</SafeLink>}
                {confirming === r.id ? (
                  <span role="group" aria-label={t('reportsDeleteConfirm', { ref: r.id })}>
                    {t('reportsDeleteConfirm', { ref: r.id })}{' '}
                    <button
                      type="button"
                      onClick={async () => {
                        await api.deleteReport(r.id);
                        setConfirming(undefined);
                        reload();
                      }}
                    >
                      {t('remove')}
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      {t('cancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" class="link" aria-label={t('reportsDeleteLabel', { ref: r.id })} onClick={() => setConfirming(r.id)}>
                    {t('remove')}
                  </button>
                )}
              </p>
              <details>
                <summary class="small">{t('reportsShowMessage')}</summary>
                <pre class="code">{`${r.subject}\n\n${r.body}`}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}

      <p class="toolbar">
        <button
          type="button"
          disabled={reports.length === 0}
          onClick={() => api.download(`insyn-reports-${isoDate(new Date(api.now()).toISOString())}.csv`, 'text/csv', exportCsv(reports, lang))}
        >
          {t('reportsExportCsv')}
        </button>
        <button
          type="button"
          disabled={reports.length === 0}
          onClick={() => api.download(`insyn-reports-${isoDate(new Date(api.now()).toISOString())}.json`, 'application/json', exportJson(reports, api.now()))}
        >
          {t('reportsExportJson')}
        </button>
        {onOpenOptions ? (
          <button type="button" onClick={onOpenOptions}>
            {t('reportsImport')} ↗
          </button>
        ) : (
          <>
            <label for="reports-import" class="button-like">
              {t('reportsImport')}
            </label>
            <input
              id="reports-import"
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const f = (e.currentTarget as HTMLInputElement).files?.[0];
                if (f) void onImport(f);
                if (fileRef.current) fileRef.current.value = '';
              }}
            />
          </>
        )}
      </p>
      <p class="small muted">{t('reportsPrivacy')}</p>
    </section>
  );
}

/** "You reported this on …" for a dataset (its distributions' reports included). */
export function ReportedNote({ api, datasetKey }: { api: ReportApi; datasetKey: string }) {
  const { t, lang } = useI18n();
  const [mine, setMine] = useState<ReportRecord[]>([]);
  useEffect(() => {
    let live = true;
    api
      .listReports()
      .then((all) => live && setMine(all.filter((r) => (r.targetKey.split('#')[0] ?? '') === datasetKey)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [datasetKey]);
  if (mine.length === 0) return null;
  return (
    <ul class="small" data-testid="reported-note">
      {mine.map((r) => (
        <li key={r.id}>
          {t('reportedOn', { date: day(r.sentAt), status: statusLabel(r.status, lang) })}
          {r.target.distribution ? ` (${r.target.distribution.title})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** A one-line reminder at the top of the popup when reports are waiting for an answer. */
export function ReminderNotice({ api }: { api: ReportApi }) {
  const { t } = useI18n();
  const [due, setDue] = useState<{ n: number; days: number } | undefined>();
  useEffect(() => {
    let live = true;
    Promise.all([api.listReports(), api.reminderDays()])
      .then(([r, days]) => {
        const n = dueReminders(r, api.now(), days).length;
        if (live && n > 0) setDue({ n, days });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!due) return null;
  return (
    <Notice tone="warn" testid="report-reminder-top">
      {t('reportsReminder', { days: due.days, n: due.n })} ({t('panelReports')})
    </Notice>
  );
}
