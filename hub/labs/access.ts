/**
 * Who may do what in a lab. Open by design: every agent reads and comments; the concerned
 * partners' editors and partner admins (and agents whose request to join was accepted)
 * edit; each concerned partner approves through its editors and partner admins; the lead
 * partner's editors run the lab (review, membership, publication); a platform admin may
 * force a publication. An outside reviewer only reads and comments (reviewers.ts).
 */
import type { Principal } from '../auth/index.js';
import { Forbidden } from '../domain-errors.js';
import type { LabDoc } from './lab-model.js';
import type { Actor } from './record-models.js';

const PARTNER_WRITERS = new Set(['editor', 'partner-admin']);

/** The actor recorded for a principal: the token's or the agent's id, name and partner. */
export function actorOf(principal: Principal): Actor {
  return {
    id: principal.tokenId,
    name: principal.name,
    ...(principal.partnerId ? { partnerId: principal.partnerId } : {}),
  };
}

/** The concerned partner this principal approves for, if any. */
export function approvingPartner(lab: LabDoc, principal: Principal): string | undefined {
  const partnerId = principal.partnerId;
  if (!partnerId || !PARTNER_WRITERS.has(principal.role)) return undefined;
  return lab.partnerIds.includes(partnerId) ? partnerId : undefined;
}

/** True for platform admins and the lead partner's editors and partner admins. */
export function leadsLab(lab: LabDoc, principal: Principal): boolean {
  if (principal.role === 'platform-admin') return true;
  return PARTNER_WRITERS.has(principal.role) && principal.partnerId === lab.partnerIds[0];
}

/** True when the principal edits as a concerned partner (or a platform admin). */
export function writesForPartner(lab: LabDoc, principal: Principal): boolean {
  return principal.role === 'platform-admin' || approvingPartner(lab, principal) !== undefined;
}

/** What the principal may do, as the API and the console show it. */
export interface LabPermissions {
  edit: boolean;
  approve: boolean;
  lead: boolean;
  forcePublish: boolean;
  invite: boolean;
}

/** Every permission at once; `member` is true when the principal's request to join was accepted. */
export function permissionsOf(lab: LabDoc, principal: Principal, member: boolean): LabPermissions {
  const writes = writesForPartner(lab, principal);
  return {
    edit: writes || member,
    approve: approvingPartner(lab, principal) !== undefined,
    lead: leadsLab(lab, principal),
    forcePublish: principal.role === 'platform-admin',
    invite: writes,
  };
}

/** Throws 403 with `code` unless `allowed`. */
export function demand(allowed: boolean, code: string, detail: string): void {
  if (!allowed) throw new Forbidden(detail, code, 'Action non autorisée');
}
