// Requests from a HAR file (browser devtools "Save all as HAR") as resource entries, so the CLI
// runs the same extraction over a saved session as the extension runs over a live page. Only the
// URL and the kind of request are read; headers, cookies and bodies are ignored.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import type { ResourceEntryLike } from './collect';

const HarEntry = z.object({
  request: z.object({ url: z.string(), method: z.string().optional() }),
  response: z.object({ content: z.object({ mimeType: z.string().optional() }).partial().optional() }).partial().optional(),
  _resourceType: z.string().optional(),
});
const Har = z.object({ log: z.object({ entries: z.array(z.unknown()) }) });

const DATA_MIME = /json|xml|csv|geo|rdf|turtle|ld\+json|spreadsheet|opendocument|zip|protobuf/i;

export interface HarRead {
  entries: ResourceEntryLike[];
  skipped: number;
}

/** HAR JSON → fetch/XHR entries. Chromium marks them with `_resourceType`; otherwise the response's media type decides. */
export function harEntries(json: unknown, max = 3000): HarRead {
  const har = Har.safeParse(json);
  if (!har.success) throw new Error('not a HAR file (no log.entries)');
  const out: ResourceEntryLike[] = [];
  let skipped = 0;
  for (const raw of har.data.log.entries) {
    if (out.length >= max) break;
    const e = HarEntry.safeParse(raw);
    if (!e.success) {
      skipped++;
      continue;
    }
    const rt = e.data._resourceType?.toLowerCase();
    let type: string | undefined;
    if (rt === 'fetch') type = 'fetch';
    else if (rt === 'xhr') type = 'xmlhttprequest';
    else if (rt === undefined && DATA_MIME.test(e.data.response?.content?.mimeType ?? '')) type = 'fetch';
    if (type) out.push({ name: e.data.request.url, initiatorType: type });
  }
  return { entries: out, skipped };
}
