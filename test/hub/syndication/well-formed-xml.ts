/**
 * A stricter well-formedness check than fast-xml-parser's validator, which accepts `<` and
 * `&` in attribute values, `]]>` in text and control characters: the very faults feed 6 has.
 */
import { XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

const FORBIDDEN_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Fails the test when xml is not well-formed XML 1.0 (for the faults that matter here). */
export function expectWellFormedXml(xml: string): void {
  expect(XMLValidator.validate(xml, { allowBooleanAttributes: false })).toBe(true);
  expect(xml).not.toMatch(FORBIDDEN_CHAR);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  expect(outsideCdata).not.toMatch(BARE_AMPERSAND);
  expect(outsideCdata).not.toContain(']]>');
  for (const [, value] of outsideCdata.matchAll(/\s[\w:-]+="([^"]*)"/g)) expect(value).not.toContain('<');
}
