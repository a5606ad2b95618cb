/**
 * Validation of the HTTP query of GET /api/v1/items (and of feeds with the same filters):
 * `q partner partnerKind type topic audience commune province from to sort page limit`.
 * List filters take comma-separated or repeated values. Messages are French, per field.
 */
import type { FieldError } from '../../schemas/index.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_WINDOW } from './search-items.js';
import { truncateQuery } from './truncate-query.js';
import type { SearchParams } from './types.js';

export type RawQuery = Record<string, string | string[] | undefined>;
export type ParsedSearchParams =
  | {
      ok: true;
      params: SearchParams;
      /** q was longer than 200 characters or 12 words: params.q is its start, cut at a word. */
      queryTruncated: boolean;
    }
  | { ok: false; errors: FieldError[] };
const MAX_VALUES = 50;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** New Caledonia is UTC+11 all year: a bare date means a Nouméa calendar day. */
const NOUMEA_OFFSET = '+11:00';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

type ListRule = { field: keyof SearchParams; check: (v: string) => boolean; expected: string };

const LISTS: Record<string, ListRule> = {
  partner: {
    field: 'partner',
    check: (v) => SLUG.test(v) && v.length <= 64,
    expected: 'identifiant de partenaire (minuscules, chiffres, tirets)',
  },
  partnerKind: {
    field: 'partnerKind',
    check: (v) => ['province', 'commune', 'state', 'government', 'public-body', 'other'].includes(v),
    expected: 'province, commune, state, government, public-body, other',
  },
  type: {
    field: 'type',
    check: (v) => ['news', 'event', 'procedure', 'service', 'job', 'publication', 'alert'].includes(v),
    expected: 'news, event, procedure, service, job, publication, alert',
  },
  topic: {
    field: 'topic',
    check: (v) => SLUG.test(v) && v.length <= 64,
    expected: 'thème en minuscules, chiffres et tirets',
  },
  audience: {
    field: 'audience',
    check: (v) => ['particuliers', 'professionnels', 'associations'].includes(v),
    expected: 'particuliers, professionnels, associations',
  },
  commune: { field: 'commune', check: (v) => /^988\d{2}$/.test(v), expected: 'code INSEE 988xx' },
  province: { field: 'province', check: (v) => ['sud', 'nord', 'iles'].includes(v), expected: 'sud, nord, iles' },
};

function valuesOf(raw: string | string[] | undefined): string[] {
  const all = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
  return [...new Set(all.map((v) => v.trim()).filter(Boolean))];
}

function single(query: RawQuery, field: string, errors: FieldError[]): string | undefined {
  const raw = query[field];
  if (Array.isArray(raw)) {
    if (raw.length > 1) errors.push({ field, message: 'paramètre répété : une seule valeur attendue' });
    return raw[0]?.trim() || undefined;
  }
  return raw?.trim() || undefined;
}

function parseList(query: RawQuery, name: string, rule: ListRule, errors: FieldError[]): string[] | undefined {
  const values = valuesOf(query[name]);
  if (values.length === 0) return undefined;
  if (values.length > MAX_VALUES) errors.push({ field: name, message: `au plus ${MAX_VALUES} valeurs` });
  const bad = values.filter((v) => !rule.check(v));
  if (bad.length > 0)
    errors.push({ field: name, message: `valeur invalide : « ${bad[0]!.slice(0, 40)} » (attendu : ${rule.expected})` });
  return values;
}

/** A date: YYYY-MM-DD (a Nouméa day; `to` takes its last millisecond) or ISO 8601 with offset. */
function parseDate(value: string | undefined, field: 'from' | 'to', errors: FieldError[]): Date | undefined {
  if (value === undefined) return undefined;
  let ms = NaN;
  if (DAY.test(value)) ms = Date.parse(`${value}T00:00:00${NOUMEA_OFFSET}`) + (field === 'to' ? 86_399_999 : 0);
  else if (ISO_DATETIME.test(value)) ms = Date.parse(value);
  const valid = Number.isFinite(ms) && isRealDay(value.slice(0, 10));
  if (!valid) {
    errors.push({
      field,
      message: `date invalide : « ${value.slice(0, 40)} » (attendu : AAAA-MM-JJ ou date ISO 8601)`,
    });
    return undefined;
  }
  return new Date(ms);
}

/** Rejects 2024-02-30, which Date.parse rolls over to March. */
function isRealDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 10000 → `10 000` (French grouping, plain space). */
function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

function parseInteger(
  value: string | undefined,
  field: string,
  min: number,
  max: number,
  errors: FieldError[],
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) {
    errors.push({ field, message: `doit être un entier entre ${min} et ${formatNumber(max)}` });
    return undefined;
  }
  return n;
}

/** Reads the scalar parameters; returns whether q was cut. */
function parseScalars(query: RawQuery, params: SearchParams, errors: FieldError[]): boolean {
  const q = single(query, 'q', errors);
  const cut = q === undefined ? undefined : truncateQuery(q);
  if (cut) params.q = cut.text;
  const sort = single(query, 'sort', errors);
  if (sort !== undefined && sort !== 'relevance' && sort !== 'date')
    errors.push({ field: 'sort', message: 'valeur invalide (attendu : relevance ou date)' });
  else if (sort) params.sort = sort;
  const from = parseDate(single(query, 'from', errors), 'from', errors);
  const to = parseDate(single(query, 'to', errors), 'to', errors);
  if (from && to && from > to) errors.push({ field: 'to', message: 'doit être postérieure ou égale à from' });
  if (from) params.from = from;
  if (to) params.to = to;
  const page = parseInteger(single(query, 'page', errors), 'page', 1, MAX_WINDOW, errors);
  const limit = parseInteger(single(query, 'limit', errors), 'limit', 1, MAX_LIMIT, errors);
  if ((page ?? 1) * (limit ?? DEFAULT_LIMIT) > MAX_WINDOW)
    errors.push({ field: 'page', message: `page × limit ne doit pas dépasser ${formatNumber(MAX_WINDOW)}` });
  if (page) params.page = page;
  if (limit) params.limit = limit;
  return cut?.truncated ?? false;
}

/** Every parameter of GET /api/v1/items, in the order the contract lists them. */
export const SEARCH_PARAM_NAMES = ['q', ...Object.keys(LISTS), 'from', 'to', 'sort', 'page', 'limit'] as const;

/** A parameter nobody reads is a typo (`?types=event`) that would silently widen the answer. */
function refuseUnknown(query: RawQuery, accepted: readonly string[], errors: FieldError[]): void {
  for (const name of Object.keys(query)) {
    if (query[name] === undefined || accepted.includes(name)) continue;
    errors.push({
      field: name.slice(0, 40),
      message: `paramètre inconnu (paramètres acceptés : ${accepted.join(', ')})`,
    });
  }
}

/**
 * Validates an HTTP query into SearchParams, or lists every field at fault (French
 * messages). `accepted` narrows the parameters taken (feeds take no page or sort); any other
 * is refused.
 */
export function parseSearchParams(
  query: RawQuery,
  accepted: readonly string[] = SEARCH_PARAM_NAMES,
): ParsedSearchParams {
  const errors: FieldError[] = [];
  const params: SearchParams = {};
  refuseUnknown(query, accepted, errors);
  const queryTruncated = parseScalars(query, params, errors);
  for (const [name, rule] of Object.entries(LISTS)) {
    const values = parseList(query, name, rule, errors);
    if (values) (params as Record<string, unknown>)[rule.field] = values;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params, queryTruncated };
}
