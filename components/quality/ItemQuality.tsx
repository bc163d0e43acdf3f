// The detail view's quality card: the MQA-aligned score and band (marked as an estimate while
// the links are unchecked), what is missing in plain words, points per dimension, and the link
// check on demand. A broken link becomes a report draft prefilled with the evidence.
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { SafeLink } from '../common/SafeLink';
import { isoDate, type Lang } from '../../lib/i18n';
import type { Distribution, ItemDetail } from '../../lib/dcat/types';
import { DIMENSIONS, linkEvidence, linkTargets, MAX_SCORE, scoreItem, scoredDistributions } from '../../lib/quality/score';
import { isCheckableUrl, originPatterns, type LinkStatus } from '../../lib/quality/linkcheck';
import { bandName, dimensionName, gapText, linkEvidenceText } from '../../lib/quality/text';
import { itemTarget } from '../../lib/report/target';
import { targetKey, type ReportDraft } from '../../lib/report/types';
import { makeRefId } from '../../lib/report/compose';
import type { QualityApi } from './api';
import { ScoreBadge } from './ScoreBadge';

interface Props {
  item: ItemDetail;
  api: QualityApi;
  portal?: { sv: string; en: string };
  /** Opens the report form for the item (and distribution); a draft saved just before is picked up. */
  onReport?: (item: ItemDetail, distribution?: Distribution) => void;
}

type Check =
  | { state: 'idle' }
  | { state: 'checking'; n: number }
  | { state: 'done'; results: LinkStatus[]; denied: number }
  | { state: 'error'; kind: string };

function originOf(url: string): string | undefined {
  return originPatterns([url])[0];
}

/** The words a report uses as evidence: the URL, what it answered, and when. */
export function evidenceText(t: ReturnType<typeof useI18n>['t'], lang: Lang, s: LinkStatus): string {
  const date = isoDate(new Date(s.checkedAt).toISOString()) ?? '';
  return t('linkEvidence', { url: s.url, why: linkEvidenceText(lang, linkEvidence(s)), date });
}

export function brokenLinkDraft(args: {
  item: ItemDetail;
  portal?: { sv: string; en: string };
  lang: Lang;
  distribution: Distribution;
  evidence: string;
  url: string;
  now: number;
}): ReportDraft {
  const tw = itemTarget(args.item, args.portal, args.lang, args.distribution);
  return {
    key: targetKey(tw.target),
    refId: makeRefId(args.now),
    target: tw.target,
    routes: tw.routes,
    ...(tw.routes[0] && { recipient: tw.routes[0] }),
    form: {
      category: 'broken-link',
      description: args.evidence,
      where: args.url,
      reporterName: '',
      reporterEmail: '',
      includePage: false,
      lang: args.lang,
    },
    createdAt: args.now,
    updatedAt: args.now,
  };
}

export function ItemQuality({ item, api, portal, onReport }: Props) {
  const { t, lang } = useI18n();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const links = useMemo(
    () => (check.state === 'done' ? new Map(check.results.map((r) => [r.url, r])) : undefined),
    [check],
  );
  const score = useMemo(() => scoreItem(item, { links }), [item, links]);
  const targets = useMemo(() => linkTargets(item), [item]);
  const distOf = useMemo(() => {
    const m = new Map<string, Distribution>();
    for (const d of scoredDistributions(item)) for (const u of [d.accessUrl, ...d.downloadUrls]) if (u && !m.has(u.trim())) m.set(u.trim(), d);
    return m;
  }, [item]);
  const pct = Math.round(score.ratio * 100);
  const band = bandName(lang, score.band);

  const run = async () => {
    if (!api.linkCheck || targets.length === 0) return;
    // The permission prompt must come first, inside the click: nothing awaited before it.
    const wanted = originPatterns(targets);
    const granted = new Set(api.requestOrigins ? await api.requestOrigins(wanted).catch(() => [] as string[]) : wanted);
    // Non-web URLs need no permission: the checker marks them without a request.
    const allowed = targets.filter((u) => !isCheckableUrl(u) || granted.has(originOf(u) ?? ''));
    const denied = targets.length - allowed.length;
    if (allowed.length === 0) {
      setCheck({ state: 'done', results: [], denied });
      return;
    }
    setCheck({ state: 'checking', n: allowed.length });
    try {
      const res = await api.linkCheck({ urls: allowed, force: check.state === 'done' });
      setCheck({ state: 'done', results: res.results, denied });
    } catch (err) {
      setCheck({ state: 'error', kind: (err as { kind?: string }).kind ?? 'internal' });
    }
  };

  const report = async (s: LinkStatus) => {
    const d = distOf.get(s.url);
    if (!d) return;
    const draft = brokenLinkDraft({ item, portal, lang, distribution: d, evidence: evidenceText(t, lang, s), url: s.url, now: api.now() });
    // An unsent draft the user already wrote for this file is theirs: do not overwrite it.
    const existing = await api.reportDraft?.(draft.key).catch(() => undefined);
    if (!existing) await api.saveReportDraft?.(draft).catch(() => undefined);
    onReport?.(item, d);
  };

  return (
    <section aria-labelledby="quality-h" class="card" data-testid="quality">
      <h3 id="quality-h">{t('qualityTitle')}</h3>
      <p>
        <ScoreBadge score={score} />{' '}
        <span data-testid="quality-summary">
          {score.complete
            ? t('qualityBandFinal', { band, achieved: score.achieved })
            : t('qualityBandEstimate', { band, achieved: score.achieved, checkable: score.checkable, pct })}
        </span>
      </p>
      {!score.complete && (
        <p class="small muted">
          {t('qualityUnchecked', { n: MAX_SCORE - score.checkable, low: bandName(lang, score.bandRange.low), high: bandName(lang, score.bandRange.high) })}
        </p>
      )}
      <h4>{t('qualityMissing')}</h4>
      {score.gaps.length === 0 ? (
        <p class="small">{t('qualityNothingMissing')}</p>
      ) : (
        <ul data-testid="quality-gaps" class="small">
          {score.gaps.map((g, i) => (
            <li key={`${g.key}-${i}`}>{gapText(lang, g)}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('qualityByDimension')}</summary>
        <table class="small" data-testid="quality-dimensions">
          <thead>
            <tr>
              <th scope="col">{t('qualityDimension')}</th>
              <th scope="col">{t('qualityPoints')}</th>
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((d) => {
              const s = score.dimensions[d];
              return (
                <tr key={d}>
                  <th scope="row">{dimensionName(lang, d)}</th>
                  <td>
                    {t('qualityPointsOf', { achieved: s.achieved, checkable: s.checkable })}
                    {s.checkable < s.max && <span class="muted"> · {t('qualityNotChecked', { n: s.max - s.checkable })}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>

      {api.linkCheck && targets.length > 0 && (
        <div data-testid="link-check">
          <p class="small muted">{t('linkCheckIntro')}</p>
          <button type="button" onClick={run} disabled={check.state === 'checking'} aria-busy={check.state === 'checking'}>
            {check.state === 'done' ? t('linkCheckAgain') : t('linkCheckButton', { n: targets.length })}
          </button>
          {check.state === 'checking' && (
            <p class="small" role="status">
              {t('linkChecking', { n: check.n })}
            </p>
          )}
          {check.state === 'error' && (
            <p class="small" role="alert">
              {t('linkCheckFailed', { kind: check.kind })}
            </p>
          )}
          {check.state === 'done' && (
            <>
              {check.denied > 0 && (
                <p class="small" role="status">
                  {t('linkNoPermission', { n: check.denied })}
                </p>
              )}
              <ul class="items small" data-testid="link-results" aria-live="polite">
                {check.results.map((r) => (
                  <li key={r.url} data-testid="link-result" data-state={r.ok ? 'ok' : 'broken'} data-url={r.url} style={{ padding: '0.3rem 0' }}>
                    <SafeLink href={r.url} />
                    <br />
                    {r.ok ? (
                      <span class="badge cc0">{t('linkOk', { status: r.status ?? '' })}</span>
                    ) : (
                      <span class="badge restrictive">{t('linkBroken', { why: linkEvidenceText(lang, linkEvidence(r)) })}</span>
                    )}
                    {!r.ok && onReport && distOf.has(r.url) && (
                      <>
                        {' '}
                        <button type="button" class="link" onClick={() => void report(r)}>
                          {t('linkReport')}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <p class="small muted">{t('qualityMethod')}</p>
    </section>
  );
}
