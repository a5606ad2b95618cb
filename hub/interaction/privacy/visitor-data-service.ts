/**
 * A visitor's export and erasure as the API routes and the faces (the portal's « Mes
 * données ») call them: interaction's records plus the extensions' (the voice), under the
 * API's limit per address, and the token of the portal's erasure form.
 */
import type { Context } from 'koa';
import type { InteractionDeps } from '../deps.js';
import { consumeFormToken, issueFormToken } from '../form-tokens/form-tokens.js';
import { hashRequestAddress, limitOne, RATE_RULES } from '../rate-rules.js';
import { eraseVisitorData, exportVisitorData, type VisitorExport } from './visitor-data.js';

/** The erasure form's token scope: purpose `visitor-data`, subject `erase`. */
const ERASE_FORM = { purpose: 'visitor-data', subject: 'erase' } as const;

export type FullVisitorExport = VisitorExport & Record<string, unknown>;

export function createVisitorDataService(deps: InteractionDeps) {
  const extensions = deps.visitorData ?? [];
  return {
    /** The hashed address of a request (today's salt), the key of the limit. */
    hashAddress: (ctx: Context) => hashRequestAddress(ctx, deps),
    /** Counts one look at a visitor's data against the address (60 per 10 minutes); 429 rate_limited when over. */
    limit: (addressHash: string) => limitOne(RATE_RULES.visitorDataAddress, addressHash),
    /** Everything stored under the visitor's key. */
    async export(visitorHash: string): Promise<FullVisitorExport> {
      const extra = await Promise.all(extensions.map((e) => e.export(visitorHash)));
      return Object.assign(await exportVisitorData(visitorHash), ...extra) as FullVisitorExport;
    },
    /** Erases it all; what was erased, by kind. */
    async erase(visitorHash: string): Promise<Record<string, number>> {
      const erased: Record<string, number> = { ...(await eraseVisitorData(visitorHash)) };
      for (const extension of extensions) Object.assign(erased, await extension.erase(visitorHash));
      return erased;
    },
    /** A token of the erasure form for this visitor (one use, from 3 s to 2 h). */
    erasureFormToken: (visitorHash: string) => issueFormToken({ ...ERASE_FORM, visitor: { hash: visitorHash } }),
    /** Checks and spends the erasure form's token (form_token_* or too_fast when refused). */
    spendErasureToken: (token: string, visitorHash: string): Promise<void> =>
      consumeFormToken({ token, ...ERASE_FORM, visitor: { hash: visitorHash } }),
  };
}

export type VisitorDataService = ReturnType<typeof createVisitorDataService>;
