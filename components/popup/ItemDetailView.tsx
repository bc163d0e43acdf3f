import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../common/i18n';
import { CopyButton } from '../common/CopyButton';
import { SafeLink } from '../common/SafeLink';
import { pickList, pickText } from '../../lib/dcat/text';
import { curlLine } from '../../lib/dcat/snippets';
import { formatBytes, isoDate } from '../../lib/i18n';
import type { ContactPoint, Distribution, ItemDetail } from '../../lib/dcat/types';
import { AccessBadge, LicenceBadge } from './badges';
import { FreshnessLine } from './Freshness';
import { ItemQuality } from '../quality/ItemQuality';
import { newestDate } from '../../lib/quality/freshness';
import type { QualityApi } from '../quality/api';

const MAX_DISTRIBUTIONS = 50;

interface Props {
  item: ItemDetail;
  portalUrl: string;
  now: number;
  onBack: () => void;
  onReport?: (item: ItemDetail, distribution?: Distribution) => void;
  /** "You reported this on …" (components/report), shown with the contact point. */
  reportedNote?: ComponentChildren;
  /** Score, gaps and the link check (components/quality); without it the card is not shown. */
  quality?: { api: QualityApi; portal?: { sv: string; en: string } };
}

export function ItemDetailView({ item, portalUrl, now, onBack, onReport, reportedNote, quality }: Props) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the heading so keyboard and screen-reader users land on the new view.
  useEffect(() => heading.current?.focus(), [item.uri]);
  const title = pickText(item.title, lang) ?? t('unnamed');
  const description = pickText(item.description, lang);
  const keywords = pickList(item.keywords, lang);
  // A data service states its endpoint; a dataset served by an API usually only has distributions
  // pointing at the service, whose access URL is then the endpoint to call.
  const apiUrls = item.endpointUrls.length
    ? item.endpointUrls
    : [...new Set(item.distributions.filter((d) => d.accessServiceUris.length > 0 && d.accessUrl).map((d) => d.accessUrl as string))];

  return (
    <article aria-labelledby="detail-title" data-testid="detail">
      <button type="button" class="link" onClick={onBack}>
        ← {t('back')}
      </button>
      <h2 id="detail-title" tabIndex={-1} ref={heading} class="item-title" style={{ marginTop: '0.4rem' }}>
        {title}
      </h2>
      <p class="item-meta">
        {item.isApi && <span class="badge api">{t('apiMarker')}</span>}
        <LicenceBadge licences={item.licences} />
        <AccessBadge access={item.accessRights} />
        <FreshnessLine modified={newestDate(item) ?? item.modified} frequency={item.frequency} now={now} />
      </p>
      <p class="description">{description ?? <span class="muted">{t('noDescription')}</span>}</p>

      <dl class="facts">
        {item.publisher && (
          <>
            <dt>{t('detailPublisher')}</dt>
            <dd>{pickText(item.publisher.name, lang) ?? item.publisher.uri}</dd>
          </>
        )}
        {item.frequency && (
          <>
            <dt>{t('detailFrequency')}</dt>
            <dd>{pickText(item.frequency.label, lang)}</dd>
          </>
        )}
        {item.modified && (
          <>
            <dt>{t('detailModified')}</dt>
            <dd>{isoDate(item.modified)}</dd>
          </>
        )}
        {item.issued && (
          <>
            <dt>{t('detailIssued')}</dt>
            <dd>{isoDate(item.issued)}</dd>
          </>
        )}
        {item.themes.length > 0 && (
          <>
            <dt>{t('detailThemes')}</dt>
            <dd>{item.themes.map((th) => pickText(th.label, lang) ?? th.uri).join(', ')}</dd>
          </>
        )}
        {keywords.length > 0 && (
          <>
            <dt>{t('detailKeywords')}</dt>
            <dd>{keywords.join(', ')}</dd>
          </>
        )}
        {item.temporal.length > 0 && (
          <>
            <dt>{t('detailTemporal')}</dt>
            <dd>
              {item.temporal
                .map((p) => t('fromTo', { from: isoDate(p.start) ?? '…', to: isoDate(p.end) ?? '…' }))
                .join('; ')}
            </dd>
          </>
        )}
        {item.spatial.length > 0 && (
          <>
            <dt>{t('detailSpatial')}</dt>
            <dd>
              {item.spatial.map((s, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  {s.label && pickText(s.label, lang) ? pickText(s.label, lang) : <SafeLink href={s.uri} />}
                </span>
              ))}
            </dd>
          </>
        )}
        {item.landingPages.map((u) => (
          <>
            <dt>{t('detailLandingPage')}</dt>
            <dd>
              <SafeLink href={u} />
            </dd>
          </>
        ))}
        {item.documentation.slice(0, 5).map((u) => (
          <>
            <dt>{t('detailDocumentation')}</dt>
            <dd>
              <SafeLink href={u} />
            </dd>
          </>
        ))}
      </dl>

      {(apiUrls.length > 0 || item.endpointDescriptions.length > 0) && (
        <section aria-labelledby="api-h" class="card">
          <h3 id="api-h">{t('detailApi')}</h3>
          {apiUrls.map((u) => (
            <ApiBlock key={u} url={u} />
          ))}
          {item.endpointDescriptions.map((u) => (
            <p key={u}>
              {t('detailApiDocs')}: <SafeLink href={u} />
            </p>
          ))}
        </section>
      )}

      <Contact contacts={item.contactPoints} onReport={onReport ? () => onReport(item) : undefined} reportedNote={reportedNote} />

      <section aria-labelledby="dist-h">
        <h3 id="dist-h">{t('detailDistributions', { n: item.distributions.length })}</h3>
        {item.distributions.length === 0 && <p class="muted">{t('detailNoDistributions')}</p>}
        <ul class="items">
          {item.distributions.slice(0, MAX_DISTRIBUTIONS).map((d) => (
            <DistributionRow key={d.uri} d={d} onReport={onReport ? () => onReport(item, d) : undefined} />
          ))}
        </ul>
      </section>

      {quality && <ItemQuality item={item} api={quality.api} portal={quality.portal} onReport={onReport} />}

      {item.skipped.length > 0 && <p class="muted small">{t('skippedNote', { n: item.skipped.length })}</p>}

      <p>
        <SafeLink href={portalUrl}>{t('openOnPortal')}</SafeLink>
      </p>
    </article>
  );
}

function ApiBlock({ url }: { url: string }) {
  const { t } = useI18n();
  const curl = curlLine(url);
  return (
    <div>
      <p>
        {t('detailEndpoint')}: <SafeLink href={url} />
      </p>
      {curl && (
        <>
          <p class="muted small">{t('detailCurl')}</p>
          <pre class="code" data-testid="curl">
            {curl}
          </pre>
          <CopyButton text={curl} label="curl" />
        </>
      )}
    </div>
  );
}

function DistributionRow({ d, onReport }: { d: Distribution; onReport?: () => void }) {
  const { t, lang } = useI18n();
  const title = pickText(d.title, lang) ?? d.formatLabel ?? d.format ?? t('unnamed');
  return (
    <li data-testid="distribution" style={{ padding: '0.4rem 0' }}>
      <strong>{title}</strong>
      <p class="item-meta">
        {(d.formatLabel ?? d.format) && <span class="badge unknown">{d.formatLabel ?? d.format}</span>}
        <LicenceBadge licences={d.licence ? [d.licence] : []} />
        {d.byteSize !== undefined && <span class="muted">{formatBytes(lang, d.byteSize)}</span>}
      </p>
      {d.licence && pickText(d.licence.explanation, lang) && <p class="small muted">{pickText(d.licence.explanation, lang)}</p>}
      <dl class="facts">
        {d.accessUrl && (
          <>
            <dt>{t('detailAccessUrl')}</dt>
            <dd>
              <SafeLink href={d.accessUrl} />
            </dd>
          </>
        )}
        {d.downloadUrls.slice(0, 5).map((u) => (
          <>
            <dt>{t('detailDownloadUrl')}</dt>
            <dd>
              <SafeLink href={u} />
            </dd>
          </>
        ))}
      </dl>
      {onReport && (
        <button type="button" class="link small" onClick={onReport} aria-label={`${t('reportThisDistribution')}: ${title}`} data-testid="report-distribution">
          {t('reportThisDistribution')}
        </button>
      )}
    </li>
  );
}

function Contact({ contacts, onReport, reportedNote }: { contacts: ContactPoint[]; onReport?: () => void; reportedNote?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="contact-h" class="card" data-testid="contact">
      <h3 id="contact-h">{t('detailContact')}</h3>
      {contacts.length === 0 && <p>{t('detailNoContact')}</p>}
      {contacts.map((c, i) => (
        <p key={c.uri ?? i}>
          {c.name && <strong>{c.name}</strong>}
          {c.email && (
            <>
              {' · '}
              <SafeLink href={`mailto:${c.email}`}>{c.email}</SafeLink>
            </>
          )}
          {c.phone && <> · {c.phone}</>}
          {c.url && (
            <>
              {' · '}
              <SafeLink href={c.url} />
            </>
          )}
        </p>
      ))}
      {onReport && (
        <button type="button" class="primary" onClick={onReport}>
          {t('reportError')}
        </button>
      )}
      {reportedNote}
    </section>
  );
}
