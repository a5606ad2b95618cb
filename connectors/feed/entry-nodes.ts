/**
 * Reading the raw xml2js nodes rss-parser hands over: a node is a string, or an object
 * with its text in "_" and its attributes in "$".
 */

type Node = unknown;
export type Attributes = Record<string, string>;

/** Text of a node: the string itself, its "_" text, or the text of its children (xhtml). */
export function textOf(node: Node): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (typeof record._ === 'string') return record._;
  const parts = Object.entries(record)
    .filter(([key]) => key !== '$')
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .map(textOf)
    .filter((t): t is string => Boolean(t));
  return parts.length ? parts.join(' ') : undefined;
}

/** Attributes of a node ({} for a plain string). */
export function attrsOf(node: Node): Attributes {
  const attrs = node && typeof node === 'object' ? (node as { $?: unknown }).$ : undefined;
  return attrs && typeof attrs === 'object' ? (attrs as Attributes) : {};
}

/** A field kept with keepArray, as an array (missing → []). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Child nodes of a given name (xml2js keeps each child name as an array). */
export function childrenOf(node: Node, name: string): unknown[] {
  return node && typeof node === 'object' ? listOf((node as Record<string, unknown>)[name]) : [];
}
