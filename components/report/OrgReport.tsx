// "A dataset is missing": the report form addressed to the organisation itself (publisher e-mail,
// else its homepage), opened from the organisation header.
import { useI18n } from '../common/i18n';
import type { Publisher } from '../../lib/dcat/types';
import { organisationPortalUrl } from '../../lib/registry/portal';
import { organisationTarget } from '../../lib/report/target';
import type { ReportApi } from './api';
import { ReportForm } from './ReportForm';

export function OrgReport({ api, publisher, pageUrl, onClose }: { api: ReportApi; publisher: Publisher; pageUrl?: string; onClose(): void }) {
  const { lang } = useI18n();
  const r = organisationTarget(publisher, lang, organisationPortalUrl(publisher, 'sv'));
  return <ReportForm api={api} target={r.target} routes={r.routes} pageUrl={pageUrl} defaultCategory="missing-dataset" onClose={onClose} />;
}
