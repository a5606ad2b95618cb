/**
 * Why: feed 6 serializes through xml-js, which escapes only `"` in attributes (a category
 * domain or an enclosure title with `&` or `<` yields broken XML), cuts only the first `]]>`
 * of a CDATA section, turns a literal "&amp;" in text into "&", and strips no control
 * character. So every piece of text goes into feed as an opaque slot token (private-use
 * characters that none of them touch, and that WHATWG URL parsing percent-encodes, so no
 * URL can forge one), and the finished XML gets each token replaced by its value escaped
 * once, here. A CDATA section around a token is dropped: escaped text says the same thing.
 */
import { escapeXml } from './text.js';

const SLOT = /<!\[CDATA\[\uE000(\d+)\uE001\]\]>|\uE000(\d+)\uE001/g;

/** Holds the text of one document while feed lays out its markup. */
export class XmlSlots {
  private readonly values: string[] = [];

  /** A token that stands for value in feed's output. */
  hold(value: string): string {
    this.values.push(value);
    return `\uE000${this.values.length - 1}\uE001`;
  }

  /** The XML with every token replaced by its value, escaped for XML. */
  fill(xml: string): string {
    return xml.replace(SLOT, (_match, inCdata?: string, bare?: string) =>
      escapeXml(this.values[Number(inCdata ?? bare)] ?? ''),
    );
  }
}
