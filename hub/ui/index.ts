/**
 * The UI kit of the server-rendered faces (portal, console): design tokens, the page
 * shell, components (one per file, typed props), the stylesheet pipeline and sendPage.
 * See docs/faces.md.
 */
export { COLORS, CONTRAST_PAIRS, SCALES, renderTokenCss, type ColorName, type TokenTarget } from './tokens.js';
export {
  compressPerRequest,
  PAGE_CSP,
  PER_REQUEST_BROTLI_QUALITY,
  PER_REQUEST_GZIP_LEVEL,
  renderPage,
  sendPage,
  type PageSource,
  type SendPageOptions,
} from './render-page.js';
export { FACES, type FaceName } from './build-styles.js';
export { getStylesheets, type Stylesheet, type Stylesheets } from './stylesheets.js';
export { stylesheetRoutes } from './stylesheet-routes.js';
export { JsonLd, SanitizedHtml, serializeJsonForScript, type SanitizedHtmlProps } from './sanitized-html.js';
export { getItemTypeLabel, ITEM_TYPE_LABELS } from './item-types.js';
export { PageShell, type NavLink, type PageShellProps } from './components/page-shell.js';
export { ErrorSummary, type ErrorSummaryProps, type FieldErrorEntry } from './components/error-summary.js';
export type { FieldProps } from './components/field-parts.js';
export { TextField, type TextFieldProps } from './components/text-field.js';
export { TextareaField, type TextareaFieldProps } from './components/textarea-field.js';
export { SelectField, type Choice, type SelectFieldProps } from './components/select-field.js';
export { CheckboxField, type CheckboxFieldProps } from './components/checkbox-field.js';
export { RadiosField, type RadiosFieldProps } from './components/radios-field.js';
export { Button, type ButtonProps } from './components/button.js';
export { Notice, type NoticeProps } from './components/notice.js';
export { Breadcrumbs, type Crumb } from './components/breadcrumbs.js';
export { Pagination, listPageNumbers, type PaginationProps } from './components/pagination.js';
export { SearchForm, type SearchFormProps } from './components/search-form.js';
export { TypeBadge } from './components/type-badge.js';
export { EventDetails, type EventInfo } from './components/event-details.js';
export { Facets, type FacetGroup, type FacetsProps, type FacetValue } from './components/facets.js';
export { ItemCard, type CardItem, type ItemCardProps } from './components/item-card.js';
export { Table, type TableColumn, type TableProps } from './components/table.js';
export { SummaryList, type SummaryRow } from './components/summary-list.js';
export { Tag, type TagTone } from './components/tag.js';
// French text and dates, for templates.
export {
  applyFrenchTypography,
  capitalizeFirst,
  formatDate,
  formatDateTime,
  formatEventDates,
} from '../locale/index.js';
