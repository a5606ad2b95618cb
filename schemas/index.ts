/**
 * The schemas' public face: generated types, and ajv validators compiled once from the
 * JSON Schema files, which stay the single source of truth.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import type { Localize } from 'ajv-i18n/localize/types.js';

export type * from './generated/types.js';

/** One field at fault in an input, as problem+json lists it. */
export interface FieldError {
  field: string;
  message: string;
}

/** Names of the schemas, from their titles: Partner, PartnerInput, Item, ItemInput, Source… */
export type SchemaName =
  | 'BulkModerationInput'
  | 'Comment'
  | 'CommentEditInput'
  | 'CommentInput'
  | 'FeedbackInput'
  | 'Common'
  | 'FlagInput'
  | 'Item'
  | 'ItemInput'
  | 'LabInput'
  | 'ModerationInput'
  | 'MuteInput'
  | 'OfficialReplyInput'
  | 'OnlineService'
  | 'OnlineServiceInput'
  | 'Partner'
  | 'PartnerInput'
  | 'Run'
  | 'Source'
  | 'SourceInput'
  | 'SynonymInput'
  | 'TokenInput'
  | 'WishAgentInput'
  | 'WishInput'
  | 'WishStatusInput';

// ajv-i18n is CommonJS whose module.exports is the function itself.
const localizeFr = createRequire(import.meta.url)('ajv-i18n/localize/fr') as Localize;

const BASE = 'https://passerelle.nc/schemas/';
const dir = fileURLToPath(new URL('.', import.meta.url));

function loadSchemas(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, messages: false });
  addFormats.default(ajv);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: BASE + file }, String(schema.title));
  }
  return ajv;
}

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

/** Returns the validator of a schema (or of a definition, as 'Partner#/definitions/Contact'). */
export function getValidator(name: SchemaName | `${SchemaName}#${string}`): ValidateFunction {
  ajv ??= loadSchemas();
  let fn = cache.get(name);
  if (!fn) {
    const [title, pointer] = name.split('#');
    const schema = ajv.getSchema(String(title));
    if (!schema) throw new Error(`schemas: no schema titled ${title}`);
    fn = pointer
      ? ajv.compile({ $ref: `${String(schema.schema && (schema.schema as { $id: string }).$id)}#${pointer}` })
      : schema;
    cache.set(name, fn);
  }
  return fn;
}

/** Validates data against a schema; returns the fields at fault (messages in French), or []. */
export function validateAgainst(name: SchemaName | `${SchemaName}#${string}`, data: unknown): FieldError[] {
  const fn = getValidator(name);
  if (fn(data)) return [];
  return toFieldErrors(fn.errors ?? []);
}

/**
 * Validates a partial update against an input schema: the same rules, no required field,
 * and none of the `immutable` fields (e.g. id) may appear.
 */
export function validatePatch(name: SchemaName, data: unknown, immutable: string[] = []): FieldError[] {
  const key = `${name}#patch`;
  let fn = cache.get(key);
  if (!fn) {
    ajv ??= loadSchemas();
    const base = ajv.getSchema(name)?.schema as Record<string, unknown> | undefined;
    if (!base) throw new Error(`schemas: no schema titled ${name}`);
    const id = String(base.$id).replace('.schema.json', '.patch.schema.json');
    fn = ajv.compile({ ...base, $id: id, title: `${name}Patch`, required: [], minProperties: 1 });
    cache.set(key, fn);
  }
  const errors = fn(data) ? [] : toFieldErrors(fn.errors ?? []);
  for (const field of immutable) {
    if (data && typeof data === 'object' && field in data) errors.push({ field, message: 'ne peut pas être modifié' });
  }
  return errors;
}

/** Turns ajv errors into field paths ("contacts.0.email") with French messages. */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const copy = errors.map((e) => ({ ...e }));
  localizeFr(copy);
  const seen = new Set<string>();
  const out: FieldError[] = [];
  const alternatives = collectAlternatives(copy);
  for (const e of copy) {
    if (e.keyword === 'if' || e.keyword === '$ref') continue;
    if (ALTERNATIVE_REQUIRED.test(e.schemaPath)) continue;
    let path = e.instancePath.slice(1).replaceAll('/', '.');
    if (e.keyword === 'required') path = joinPath(path, String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') path = joinPath(path, String(e.params.additionalProperty));
    const field = path || '(corps)';
    // One message per field: the first is the most telling (a bad URL fails format and pattern).
    if (!seen.has(field)) {
      seen.add(field);
      const oneOf = e.keyword === 'anyOf' ? alternatives.get(e.schemaPath) : undefined;
      out.push({ field, message: oneOf ? `requiert au moins l’un des champs : ${oneOf.join(', ')}` : explain(e) });
    }
  }
  return out;
}

/** Patterns of the schemas, said in words. */
const PATTERNS: Record<string, string> = {
  '^https?://': 'doit être une adresse web complète commençant par http:// ou https://',
  '^https?://[^/?#\\s]+$': 'doit être une origine : https://exemple.nc (sans chemin ni barre finale)',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'lettres minuscules sans accent, chiffres et tirets simples',
  '^988[0-9]{2}$': 'code INSEE de commune calédonienne (988xx)',
  '\\p{L}': 'doit contenir au moins une lettre',
};

// A required field among alternatives (anyOf: [{required: [a]}, {required: [b]}]): said once, on the anyOf.
const ALTERNATIVE_REQUIRED = /\/anyOf\/\d+\/required$/;

/** The missing fields of each anyOf of required alternatives, by the anyOf's schema path. */
function collectAlternatives(errors: ErrorObject[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'required' || !ALTERNATIVE_REQUIRED.test(e.schemaPath)) continue;
    const anyOf = e.schemaPath.replace(/\/\d+\/required$/, '');
    found.set(anyOf, [...(found.get(anyOf) ?? []), String(e.params.missingProperty)]);
  }
  return found;
}

function explain(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return 'champ inconnu';
  if (e.keyword === 'enum') return `doit être l'une des valeurs : ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'pattern') return PATTERNS[String(e.params.pattern)] ?? e.message ?? 'format invalide';
  if (e.keyword === 'format' && e.params.format === 'uri') return 'doit être une adresse web complète';
  return e.message ?? 'invalide';
}

function joinPath(base: string, leaf: string): string {
  return base ? `${base}.${leaf}` : leaf;
}
