/** When and where an event takes place: « Du 12 au 14 mars 2027 », « Lieu : Salle omnisports ». */
import { applyFrenchTypography, capitalizeFirst, formatEventDates, type EventDates } from '../../locale/index.js';

export interface EventInfo extends EventDates {
  place?: string;
}

export function EventDetails({ event }: { event: EventInfo }) {
  const dates = formatEventDates(event);
  if (!dates && !event.place) return null;
  return (
    <p class="pl-event">
      {dates && (
        <span class="pl-event__dates">
          <time dateTime={new Date(event.start).toISOString()}>{capitalizeFirst(dates)}</time>
        </span>
      )}
      {event.place && <span class="pl-event__place">{applyFrenchTypography(`Lieu : ${event.place}`)}</span>}
    </p>
  );
}
