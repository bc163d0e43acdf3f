// zod schemas for the detection types, for lib/messages.ts and storage (DESIGN: every byte crossing a
// boundary is parsed). Kept apart from signals.ts because the content script must not bundle zod.
// The bounds mirror collect.ts's caps with headroom: a message bigger than the collector can produce is
// forged or broken, and is rejected rather than processed.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import { LangText } from '../dcat/types.ts';
import type { Directory } from './directory.ts';
import { REASON_CODES, type Reason } from './reasons.ts';
import type { Correction, Resolution } from './resolve.ts';
import type { Signals } from './signals.ts';

const Str = (max: number) => z.string().max(max);

export const SignalsSchema = z.object({
  url: Str(2048),
  host: Str(253),
  path: Str(2048),
  orgNumbers: z
    .array(
      z.object({
        value: z.string().regex(/^\d{10}$/),
        where: z.enum(['footer', 'contact', 'jsonld', 'microdata', 'meta', 'head']),
        labelled: z.boolean(),
      }),
    )
    .max(40),
  jsonLd: z
    .array(
      z.object({
        type: Str(100),
        name: Str(300).optional(),
        identifier: Str(300).optional(),
        taxID: Str(300).optional(),
        vatID: Str(300).optional(),
        url: Str(300).optional(),
        sameAs: z.array(Str(300)).max(10).optional(),
        from: z.enum(['jsonld', 'microdata']).optional(),
      }),
    )
    .max(10),
  links: z
    .array(z.object({ kind: z.enum(['dcat', 'psidata', 'accessibility', 'dataportal-org']), href: Str(300) }))
    .max(40),
  meta: z.object({ siteName: Str(300).optional(), publisher: Str(300).optional(), generator: Str(300).optional() }),
}) satisfies z.ZodType<Signals>;

export const ReasonSchema = z.object({
  code: z.enum(REASON_CODES),
  params: z.record(z.string(), z.string()),
}) satisfies z.ZodType<Reason>;

export const ResolutionSchema = z.object({
  status: z.enum(['matched', 'public-unpublished', 'none', 'not-public-by-user']),
  org: z
    .object({
      publisherUri: z.string().optional(),
      orgNumber: z.string().regex(/^\d{10}$/).optional(),
      name: LangText,
      type: z.enum(['agency', 'municipality', 'region', 'other-public', 'unknown']),
      hasPublished: z.boolean(),
    })
    .optional(),
  confidence: z.enum(['high', 'medium', 'low']),
  reasons: z.array(ReasonSchema),
  conflicts: z.array(ReasonSchema),
  candidates: z.array(z.string()).optional(),
}) satisfies z.ZodType<Resolution>;

export const CorrectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('org'),
    publisherUri: Str(500),
    orgNumber: Str(20).optional(),
    name: Str(300).optional(),
  }),
  z.object({ kind: z.literal('not-public') }),
]) satisfies z.ZodType<Correction>;

const Entry = z.object({ publisherUri: z.string(), pathPrefix: z.string().optional(), orgNumber: z.string().optional() });
export const DirectorySchema = z.object({
  byHost: z.record(z.string(), z.array(Entry)),
  byOrg: z.record(z.string(), z.string()),
}) satisfies z.ZodType<Directory>;
