/**
 * A date of a list as the console shows it (« 1er mars 2027 à 9 h 30 » in a `<time>`), or
 * « — ». The text is kept per instant: formatting one is an `Intl` call (formatToParts in
 * Nouméa's time zone), the most expensive part of rendering a row of « Contenus » or of the
 * sources list (two dates a row), and the same dates come back on every view of a page.
 */
import { formatDateTime } from '../../hub/ui/index.js';

/** Above this many instants the texts are forgotten (they come back at the next view). */
const KEEP = 5_000;
const texts = new Map<number, string>();

function textOf(date: Date): string {
  const ms = date.getTime();
  let text = texts.get(ms);
  if (text === undefined) {
    if (texts.size >= KEEP) texts.clear();
    texts.set(ms, (text = formatDateTime(date)));
  }
  return text;
}

export function When({ value }: { value: Date | string | undefined }) {
  if (value === undefined) return <>—</>;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <>—</>;
  return <time dateTime={typeof value === 'string' ? value : date.toISOString()}>{textOf(date)}</time>;
}
