// The popup's tabs below the organisation header. "Data" is always first; capabilities add their
// own panel here (one entry each) instead of editing PopupApp.
import type { ComponentChildren } from 'preact';
import type { StringKey } from '../../lib/i18n';
import type { TabState } from '../../lib/messages';
import type { PopupApi } from './api';
import { reportsPanel } from '../report/panel';
import { pageDataPanel } from '../pagedata/panel';

export interface PanelContext {
  api: PopupApi;
  /** The tab's state for a web page (recognised or not). */
  tab: Extract<TabState, { pageKind: 'web' }>;
  tabId?: number;
}

export interface Panel {
  id: string;
  label: StringKey;
  /** Whether the panel applies to this page (e.g. only when a body is recognised). */
  applies(ctx: PanelContext): boolean;
  render(ctx: PanelContext): ComponentChildren;
}

/** Extra panels after "Data", in order. */
export const EXTRA_PANELS: Panel[] = [pageDataPanel, reportsPanel];
