/**
 * An event's dates and place in words, for feed readers that know nothing of the
 * structured fields: « Date : du 12 au 14 mars 2027 », « Lieu : Champ de foire ».
 */
import type { EventInfo } from '../../../schemas/index.js';
import { applyFrenchTypography, formatEventDates } from '../../locale/index.js';
import { cleanLine, escapeHtmlText } from './text.js';

export interface EventDescription {
  /** The event's fields, cleaned (place on one line). */
  info: EventInfo;
  /** One line per fact. */
  text: string;
  /** The same as an HTML paragraph, escaped. */
  html: string;
}

/** Describes the event; a place made only of spaces is dropped. */
export function describeEvent(event: EventInfo): EventDescription {
  const place = event.place ? cleanLine(event.place) : '';
  const dates = formatEventDates(event);
  const lines = [
    ...(dates ? [applyFrenchTypography('Date : ') + dates] : []),
    ...(place ? [applyFrenchTypography('Lieu : ') + place] : []),
  ];
  return {
    info: { start: event.start, ...(event.end ? { end: event.end } : {}), ...(place ? { place } : {}) },
    text: lines.join('\n'),
    html: lines.length ? `<p>${lines.map(escapeHtmlText).join('<br>')}</p>` : '',
  };
}
