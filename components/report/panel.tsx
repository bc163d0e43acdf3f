// The popup's "My reports" panel (registered in components/popup/panels.tsx).
import type { Panel } from '../popup/panels';
import { lazy } from '../common/lazy';

const ReportHistory = lazy(() => import('./ReportHistory').then((m) => m.ReportHistory));

export const reportsPanel: Panel = {
  id: 'reports',
  label: 'panelReports',
  applies: () => true,
  render: (ctx) => <ReportHistory api={ctx.api} pageUrl={ctx.tab.url} onOpenOptions={ctx.api.openOptions} />,
};
