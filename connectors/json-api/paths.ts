/** Finding values in an API item: dotted paths, JSON Pointers, URL templates. */

/**
 * Reads a value by dotted path ("a.b.0.c") or JSON Pointer ("/a/b/0/c", RFC 6901).
 * An empty path is the value itself; a missing step gives undefined.
 */
export function readPath(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  const segments = path.startsWith('/') ? path.slice(1).split('/').map(unescapePointer) : path.split('.');
  let current: unknown = value;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : NaN;
      current = Number.isInteger(index) ? current[index] : undefined;
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Fills "{path}" placeholders of a URL template from an item, values URI-encoded; "{+path}"
 * inserts the value as is (RFC 6570 reserved expansion), for values that are paths.
 * Undefined when a placeholder has no scalar value.
 */
export function fillTemplate(template: string, item: unknown): string | undefined {
  let missing = false;
  const filled = template.replace(/\{(\+?)([^{}]+)\}/g, (_m, raw: string, path: string) => {
    const value = readPath(item, path.trim());
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing = true;
      return '';
    }
    return raw ? String(value) : encodeURIComponent(String(value));
  });
  return missing ? undefined : filled;
}
