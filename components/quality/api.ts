// What the quality views need from the extension: the link check (through the background) and
// the optional host permission (asked from the popup, inside the click). Both optional so a fake
// or a host without them still renders the score.
import type { RequestOf, ResponseOf } from '../../lib/messages';
import type { ReportDraft } from '../../lib/report/types';

export interface QualityApi {
  linkCheck?(req: RequestOf<'link-check'>): Promise<ResponseOf<'link-check'>>;
  /**
   * Asks the browser for access to these origins (`https://host/*`); must be called first thing in
   * the click handler (a user gesture). Resolves with the origins Insyn may now reach.
   */
  requestOrigins?(origins: string[]): Promise<string[]>;
  /** Report drafts (components/report/api.ts): a broken link becomes a prefilled draft. */
  reportDraft?(key: string): Promise<ReportDraft | undefined>;
  saveReportDraft?(draft: ReportDraft): Promise<void>;
  now(): number;
}
