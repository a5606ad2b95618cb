/**
 * The hub's French: dates in Nouméa's time, event date ranges, typography. Pure functions
 * with no dependency, shared by the server (pages, feeds) and the widgets' browser bundle.
 */
export { formatDate, formatDateTime, toLocalParts, type Lang } from './dates.js';
export { formatEventDates, type EventDates } from './event-dates.js';
export { applyFrenchTypography, capitalizeFirst, spaceFrench } from './typography.js';
