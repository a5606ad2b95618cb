/**
 * What the admin API and the console both do with services, for a principal: the rules
 * (partner scope, address check, what a source keeps) live here once.
 */
import { validateAgainst, validatePatch, type OnlineServiceInput, type Role } from '../../schemas/index.js';
import { assertPartnerAccess, scopedPartnerId, type Principal } from '../auth/index.js';
import type { AuditSnapshot } from '../audit/index.js';
import { InvalidInput, NotFound } from '../domain-errors.js';
import { countExits, toNoumeaDay } from './exits.js';
import { checkServiceUrl } from './service-url.js';
import type { ServiceDoc } from './service-model.js';
import { assertEditable, createService, findService, listServices, updateService } from './services.js';

/** Who writes a partner's services besides platform admins, and who reads them. */
export const SERVICE_WRITERS: Role[] = ['partner-admin', 'editor'];
export const SERVICE_READERS: Role[] = ['partner-admin', 'editor', 'moderator'];

export interface ServiceRules {
  /** Loopback or private hosts a service may still name (SOURCE_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  partnerExists: (id: string) => Promise<boolean>;
}

function assertUrl(url: string | undefined, allowedHosts: readonly string[]): void {
  const problem = url === undefined ? undefined : checkServiceUrl(url, allowedHosts);
  if (problem) throw new InvalidInput([{ field: 'url', message: problem }]);
}

/** A service `principal` may see (writers: may change), or NotFound. */
export async function loadServiceFor(principal: Principal, id: string, roles: Role[]): Promise<ServiceDoc> {
  const doc = /^[0-9a-f]{16}$/.test(id) ? await findService(id) : undefined;
  if (!doc) throw new NotFound(`le service en ligne ${id}`);
  assertPartnerAccess(principal, doc.partnerId, roles);
  return doc;
}

/** Adds an editor's service: schema, partner scope, public address, known partner. */
export async function addService(principal: Principal, input: unknown, rules: ServiceRules): Promise<ServiceDoc> {
  const errors = validateAgainst('OnlineServiceInput', input);
  if (errors.length) throw new InvalidInput(errors);
  const valid = input as OnlineServiceInput;
  assertPartnerAccess(principal, valid.partnerId, SERVICE_WRITERS);
  assertUrl(valid.url, rules.allowedHosts);
  if (!(await rules.partnerExists(valid.partnerId)))
    throw new InvalidInput([{ field: 'partnerId', message: 'partenaire inconnu' }]);
  return createService(valid);
}

/** Applies a partial update (withdrawing is `{status: 'withdrawn'}`); what a source holds is refused. */
export async function editService(
  principal: Principal,
  id: string,
  patch: unknown,
  rules: Pick<ServiceRules, 'allowedHosts'>,
): Promise<ServiceDoc> {
  const doc = await loadServiceFor(principal, id, SERVICE_WRITERS);
  const errors = validatePatch('OnlineServiceInput', patch, ['partnerId']);
  if (errors.length) throw new InvalidInput(errors);
  const fields = patch as Partial<OnlineServiceInput>;
  assertUrl(fields.url, rules.allowedHosts);
  assertEditable(doc, Object.keys(fields), 'modifier');
  const updated = await updateService(doc._id, fields);
  if (!updated) throw new NotFound(`le service en ligne ${doc._id}`);
  return updated;
}

export interface ExitReportRow {
  serviceId: string;
  name: string;
  partnerId: string;
  total: number;
  days: { day: string; count: number }[];
}

export interface ExitReport {
  from: string;
  to: string;
  total: number;
  services: ExitReportRow[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Nouméa days from `days - 1` days ago to today. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  return { from: toNoumeaDay(new Date(now.getTime() - (days - 1) * 86_400_000)), to: toNoumeaDay(now) };
}

/**
 * Exits per service and day between two Nouméa days, for the partner `principal` is
 * limited to (or `partner`, or all for a platform admin); services without exits left out.
 */
export async function reportExits(
  principal: Principal,
  range: { from?: string | undefined; to?: string | undefined; partner?: string | undefined },
): Promise<ExitReport> {
  const only = scopedPartnerId(principal);
  if (only) assertPartnerAccess(principal, only, SERVICE_READERS);
  const partner = only ?? range.partner;
  const { from, to } = readRange(range);
  const [counts, services] = await Promise.all([
    countExits(from, to),
    listServices(partner ? { partnerId: partner } : {}),
  ]);
  const rows = services
    .map((s) => {
      const days = [...(counts.get(s._id) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b));
      return {
        serviceId: s._id,
        name: s.name,
        partnerId: s.partnerId,
        total: days.reduce((n, [, c]) => n + c, 0),
        days: days.map(([day, count]) => ({ day, count })),
      };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total);
  return { from, to, total: rows.reduce((n, r) => n + r.total, 0), services: rows };
}

function readRange(range: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const fallback = lastDays(30);
  const from = range.from ?? fallback.from;
  const to = range.to ?? fallback.to;
  const errors = [
    ...(DAY.test(from) ? [] : [{ field: 'from', message: 'jour attendu au format AAAA-MM-JJ' }]),
    ...(DAY.test(to) ? [] : [{ field: 'to', message: 'jour attendu au format AAAA-MM-JJ' }]),
  ];
  if (!errors.length && from > to) errors.push({ field: 'from', message: 'doit précéder to' });
  if (errors.length) throw new InvalidInput(errors);
  return { from, to };
}

/** What the journal shows of a service. */
export async function snapshotService(id: string): Promise<AuditSnapshot | undefined> {
  const doc = /^[0-9a-f]{16}$/.test(id) ? await findService(id) : undefined;
  if (!doc) return undefined;
  const { _id, createdAt: _c, updatedAt: _u, partnerId, name, ...fields } = doc;
  return { partnerId, label: name, fields: { name, ...fields } };
}
