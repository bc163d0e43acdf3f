// What the popup needs from the background, as an interface so components never fetch by
// themselves and tests can hand them a fake.
import type { RequestOf, ResponseOf } from '../../lib/messages';

export interface PopupApi {
  tabState(req: RequestOf<'tab-state'>): Promise<ResponseOf<'tab-state'>>;
  orgItems(req: RequestOf<'org-items'>): Promise<ResponseOf<'org-items'>>;
  itemDetail(req: RequestOf<'item-detail'>): Promise<ResponseOf<'item-detail'>>;
  findPublishers(text: string): Promise<ResponseOf<'find-publishers'>>;
  setCorrection(req: RequestOf<'set-correction'>): Promise<unknown>;
  openOptions(): void;
  /** Pause or resume Insyn on a host (settings). */
  setPaused(host: string, paused: boolean): Promise<void>;
  now(): number;
}
