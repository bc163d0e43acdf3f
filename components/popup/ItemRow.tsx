import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { pickText } from '../../lib/dcat/text';
import type { ItemSummary } from '../../lib/dcat/types';
import { AccessBadge, LicenceBadge } from './badges';
import { FreshnessLine } from './Freshness';
import { ScoreBadge } from '../quality/ScoreBadge';
import { scoreItem } from '../../lib/quality/score';

export function ItemRow({
  item,
  now,
  onOpen,
  autoFocus,
}: {
  item: ItemSummary;
  now: number;
  onOpen: (item: ItemSummary) => void;
  /** Back from the detail view: focus returns to the row the user opened. */
  autoFocus?: boolean;
}) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const title = pickText(item.title, lang) ?? t('unnamed');
  const desc = pickText(item.description, lang);
  return (
    <li>
      <button
        type="button"
        class="item-row"
        ref={ref}
        data-testid="item-row"
        data-key={`${item.contextId}_${item.entryId}`}
        onClick={() => onOpen(item)}
      >
        <span class="item-title">{title}</span>
        {desc && <span class="item-desc">{desc}</span>}
        <span class="item-meta">
          {item.isApi && <span class="badge api">{t('apiMarker')}</span>}
          {item.kind === 'series' && <span class="badge unknown">{t('seriesMarker')}</span>}
          <LicenceBadge licences={item.licences} />
          <AccessBadge access={item.accessRights} />
          {item.formats.slice(0, 4).map((f) => (
            <span class="badge unknown" key={f}>
              {f}
            </span>
          ))}
          <FreshnessLine modified={item.modified} frequency={item.frequency} now={now} />
          <ScoreBadge score={scoreItem(item)} />
        </span>
      </button>
    </li>
  );
}
