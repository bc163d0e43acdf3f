// The "On this page" entry for the popup's panel registry (components/popup/panels.tsx).
import type { Panel } from '../popup/panels';
import { lazy } from '../common/lazy';

const PageDataPanel = lazy(() => import('./PageDataPanel').then((m) => m.PageDataPanel));

export const pageDataPanel: Panel = {
  id: 'page-data',
  label: 'panelPageData',
  // Any web page: what a page uses is worth seeing whether or not its body publishes anything.
  applies: (ctx) => ctx.tab.pageKind === 'web' && ctx.tabId !== undefined,
  render: (ctx) => <PageDataPanel key={ctx.tab.url} ctx={ctx} />,
};
