import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { Notice } from '../common/Notice';
import { pickText } from '../../lib/dcat/text';
import { formatOrgNumber } from '../../lib/i18n';
import type { Publisher } from '../../lib/dcat/types';
import type { Resolution } from '../../lib/detect/resolve';
import type { PopupApi } from './api';

interface Props {
  api: PopupApi;
  url: string;
  host: string;
  tabId?: number;
  resolution?: Resolution;
  onDone: () => void;
  onCancel?: () => void;
}

/** "Which organisation is this?": search publishers by name or org number, or mark the site as not public. */
export function OrgPicker({ api, url, host, tabId, resolution, onDone, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Publisher[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const firstSegment = new URL(url).pathname.split('/').filter(Boolean)[0];
  const [scope, setScope] = useState<'host' | 'path'>('host');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setResults(undefined);
      return;
    }
    let live = true;
    const id = setTimeout(() => {
      api
        .findPublishers(q)
        .then((r) => live && setResults(r.publishers))
        .catch((err) => live && setError((err as { kind?: string }).kind ?? 'internal'));
    }, 200);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [text]);

  const choose = async (p: Publisher | 'not-public') => {
    try {
      await api.setCorrection({
        url,
        scope,
        tabId,
        correction:
          p === 'not-public'
            ? { kind: 'not-public' }
            : { kind: 'org', publisherUri: p.uri, orgNumber: p.orgNumber, name: pickText(p.name, lang) },
      });
      onDone();
    } catch (err) {
      setError((err as { kind?: string }).kind ?? 'internal');
    }
  };

  const notPublic = resolution?.status === 'not-public-by-user';
  return (
    <section aria-labelledby="pick-h" data-testid="org-picker">
      <h2 id="pick-h">{t('notRecognisedTitle')}</h2>
      {notPublic ? (
        <p>
          {t('notPublicMarked', { host })}{' '}
          <button
            type="button"
            onClick={async () => {
              await api.setCorrection({ url, scope: 'host', correction: null, tabId });
              onDone();
            }}
          >
            {t('undoCorrection')}
          </button>
        </p>
      ) : (
        <p>{t('notRecognised', { host })}</p>
      )}
      <label for="pick-q">{t('pickOrgLabel')}</label>
      <div class="toolbar">
        <input id="pick-q" ref={input} type="search" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </div>
      {firstSegment && (
        <fieldset class="small" style={{ border: 'none', padding: 0 }}>
          <label>
            <input type="radio" name="scope" checked={scope === 'host'} onChange={() => setScope('host')} /> {t('scopeHost', { host })}
          </label>{' '}
          <label>
            <input type="radio" name="scope" checked={scope === 'path'} onChange={() => setScope('path')} />{' '}
            {t('scopePath', { prefix: `${host}/${firstSegment}` })}
          </label>
        </fieldset>
      )}
      {error && <Notice tone="error">{t('registryError', { kind: error })}</Notice>}
      {results && results.length === 0 && <p class="muted">{t('pickOrgNone')}</p>}
      {results && results.length > 0 && (
        <ul class="items" data-testid="pick-results">
          {results.map((p) => (
            <li key={p.uri} class="toolbar" style={{ justifyContent: 'space-between', padding: '0.3rem 0' }}>
              <span>
                <strong>{pickText(p.name, lang) ?? p.uri}</strong>
                {p.orgNumber && <span class="muted small"> · {formatOrgNumber(p.orgNumber)}</span>}
              </span>
              <button type="button" onClick={() => choose(p)} aria-label={`${t('useThisOrg')}: ${pickText(p.name, lang) ?? p.uri}`}>
                {t('useThisOrg')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="toolbar">
        {!notPublic && (
          <button type="button" onClick={() => choose('not-public')}>
            {t('markNotPublic')}
          </button>
        )}
        {onCancel && (
          <button type="button" class="link" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </p>
    </section>
  );
}
