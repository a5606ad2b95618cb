/** API items to ItemInputs through the source's declarative mapping (pure). */
import type { JsonApiMapping, Territory } from '../../schemas/index.js';
import { type MapResult, type StageContext, finalizeItems, type DraftItem, takeEntries } from '../shared/index.js';
import { fillTemplate, readPath } from './paths.js';
import { requireMapping, type ParsedJsonApi } from './parse.js';

type FieldName = keyof JsonApiMapping['fields'];

/** Maps every item of every page; an item the mapping cannot make valid is rejected alone. */
export function mapJsonApi(parsed: ParsedJsonApi, ctx: StageContext): MapResult {
  const mapping = requireMapping(ctx.source.mapping);
  const entries = parsed.pages.flatMap((page) => page.items.map((item) => ({ item, pageUrl: page.url })));
  const { taken, omitted } = takeEntries(entries, ctx.maxItems);
  const drafts = taken.map(({ item, pageUrl }) => toDraft(item, mapping, pageUrl));
  const options = { constants: mapping.constants ?? {}, dateFormats: mapping.dateFormats ?? [] };
  // A capped listing is not the whole listing, whatever the source says.
  return {
    ...finalizeItems(drafts, ctx.source, options),
    complete: (ctx.source.complete ?? false) && !parsed.truncated && !omitted,
    ...(omitted ? { omitted } : {}),
  };
}

function toDraft(item: unknown, mapping: JsonApiMapping, pageUrl: string): DraftItem {
  const get = (name: FieldName): unknown => {
    const path = mapping.fields[name];
    return path ? readPath(item, path) : undefined;
  };
  const url = asText(get('url')) ?? (mapping.urlTemplate ? fillTemplate(mapping.urlTemplate, item) : undefined);
  const image = asImageUrl(get('image'));
  return {
    guid: asText(get('guid')),
    url,
    base: pageUrl,
    title: asText(get('title')),
    summary: asText(get('summary')),
    content: asText(get('content')),
    type: asText(get('type')),
    topics: asList(get('topics')),
    categories: asList(get('categories')),
    keywords: asList(get('keywords')),
    serviceFacts: {
      accountRequired: asBoolean(get('accountRequired')),
      cost: asText(get('cost')),
      duration: asText(get('duration')),
    },
    author: asText(get('author')),
    publishedAt: asDateValue(get('publishedAt')),
    updatedAt: asDateValue(get('updatedAt')),
    event: {
      start: asDateValue(get('eventStart')),
      end: asDateValue(get('eventEnd')),
      place: asText(get('eventPlace')),
    },
    images: image ? [withAlt(image, asText(get('imageAlt')))] : [],
    territory: asCommunes(get('communes')),
    raw: item,
  };
}

/** A string or number as text; an object by its usual name-like keys (English or French). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of [
      'name',
      'nom',
      'label',
      'libelle',
      'title',
      'titre',
      'value',
      'valeur',
      'text',
      'texte',
      'rendered',
    ]) {
      if (typeof record[key] === 'string') return record[key];
    }
  }
  return undefined;
}

/** A list of labels from an array (of strings or objects) or a comma-separated string. */
function asList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(asText).filter((v): v is string => v !== undefined);
  const text = asText(value);
  return text === undefined
    ? undefined
    : text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
}

/** true/false, or their usual spellings in JSON APIs (1/0, "oui"/"non", "true"/"false"). */
function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (['1', 'true', 'oui', 'yes'].includes(text)) return true;
  if (['0', 'false', 'non', 'no'].includes(text)) return false;
  return undefined;
}

function asDateValue(value: unknown): unknown {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function asImageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of ['url', 'src', 'href']) if (typeof record[key] === 'string') return record[key];
  }
  return Array.isArray(value) ? asImageUrl(value[0]) : undefined;
}

function withAlt(url: string, alt: string | undefined): { url: string; alt?: string } {
  return alt ? { url, alt } : { url };
}

/** INSEE codes (988xx) found in a value: the item applies to those communes. */
function asCommunes(value: unknown): Territory | undefined {
  const codes = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'number' ? String(v) : asText(v)));
  const valid = [
    ...new Set(
      codes.filter((c): c is string => typeof c === 'string' && /^988\d{2}$/.test(c.trim())).map((c) => c.trim()),
    ),
  ];
  return valid.length ? { scope: 'commune', communes: valid.slice(0, 33) } : undefined;
}
