/** What the admin API and the console both do with partners beyond plain records. */
import { checkOpeningHours } from './opening-hours.js';
import { type Partner, type PartnerInput, validatePatch } from '../../schemas/index.js';
import type { AuditSnapshot } from '../audit/index.js';
import { hasPartnerAccess, type Principal } from '../auth/index.js';
import { Forbidden, InvalidInput, NotFound } from '../domain-errors.js';
import { findPartner, updatePartner } from './partners.js';

/** Fields only a platform admin may change. */
export const PLATFORM_ONLY: (keyof PartnerInput)[] = ['kind', 'status', 'territory'];

/**
 * Applies a partial update `principal` may make: a platform admin anything but the id, a
 * partner admin its own partner except kind, status and territory.
 */
export async function editPartner(principal: Principal, id: string, patch: unknown): Promise<Partner> {
  if (!hasPartnerAccess(principal, id, ['partner-admin']))
    throw new Forbidden(`ce jeton ne donne pas accès au partenaire ${id}`);
  const errors = validatePatch('PartnerInput', patch, ['id']);
  if (errors.length) throw new InvalidInput(errors);
  const fields = patch as Partial<PartnerInput>;
  assertOfficeReadable(fields);
  const locked = PLATFORM_ONLY.filter((f) => f in fields);
  if (principal.role !== 'platform-admin' && locked.length)
    throw new Forbidden(`seul un administrateur de la plateforme peut modifier : ${locked.join(', ')}`);
  const partner = await updatePartner(id, fields);
  if (!partner) throw new NotFound(`le partenaire ${id}`);
  return partner;
}

/** The opening hours are read by their library: a value it cannot read exactly is refused in French. */
export function assertOfficeReadable(input: Partial<PartnerInput>): void {
  const hours = input.office?.openingHours;
  const problem = hours === undefined ? undefined : checkOpeningHours(hours);
  if (problem) throw new InvalidInput([{ field: 'office.openingHours', message: problem }]);
}

/** What the journal shows of a partner. */
export async function snapshotPartner(id: string): Promise<AuditSnapshot | undefined> {
  const doc = await findPartner(id);
  if (!doc) return undefined;
  const { _id, createdAt: _c, updatedAt: _u, ...fields } = doc;
  return { partnerId: _id, label: doc.name, fields };
}
