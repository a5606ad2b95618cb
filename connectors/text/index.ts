/**
 * Text helpers shared by the connectors, the search index and the hub's pages. A second,
 * light door into connectors/: it loads no fetcher and no parser but htmlparser2.
 */
export {
  collapseWhitespace,
  escapeHtml,
  htmlToText,
  removeInvisibleCharacters,
  slugify,
  truncateAtWord,
} from './text.js';
export { DERIVED_TITLE_MAX, deriveTitle } from './derive-title.js';
