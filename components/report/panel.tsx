// The popup's "My reports" panel (registered in components/popup/panels.tsx).
import type { Panel } from '../popup/panels';
import { ReportHistory } from './ReportHistory';

export const reportsPanel: Panel = {
  id: 'reports',
  label: 'panelReports',
  applies: () => true,
  render: (ctx) => <ReportHistory api={ctx.api} pageUrl={ctx.tab.url} onOpenOptions={ctx.api.openOptions} />,
};
