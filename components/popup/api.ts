// What the popup needs from the background, as an interface so components never fetch by
// themselves and tests can hand them a fake.
import type { RequestOf, ResponseOf } from '../../lib/messages';
import type { ReportApi } from '../report/api';

/** Report drafts, history and send paths come from ReportApi (components/report/api.ts). */
export interface PopupApi extends ReportApi {
  tabState(req: RequestOf<'tab-state'>): Promise<ResponseOf<'tab-state'>>;
  orgItems(req: RequestOf<'org-items'>): Promise<ResponseOf<'org-items'>>;
  itemDetail(req: RequestOf<'item-detail'>): Promise<ResponseOf<'item-detail'>>;
  findPublishers(text: string): Promise<ResponseOf<'find-publishers'>>;
  setCorrection(req: RequestOf<'set-correction'>): Promise<unknown>;
  openOptions(): void;
  /** Pause or resume Insyn on a host (settings). */
  setPaused(host: string, paused: boolean): Promise<void>;
  now(): number;
  /** "On this page": the data URLs this tab uses (collected through activeTab), and their registry matches. */
  pageData?(req: RequestOf<'page-data'>): Promise<ResponseOf<'page-data'>>;
  pageMatch?(req: RequestOf<'page-match'>): Promise<ResponseOf<'page-match'>>;
  /** Data health (components/quality/api.ts): do these distribution links answer? */
  linkCheck?(req: RequestOf<'link-check'>): Promise<ResponseOf<'link-check'>>;
  /** Asks for optional host permissions (inside a click); resolves with the origins now reachable. */
  requestOrigins?(origins: string[]): Promise<string[]>;
}
