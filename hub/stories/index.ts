/**
 * One result per story: items of different partners telling the same story (same canonical
 * address, or near-identical text by SimHash) are grouped at ingestion; search, listings and
 * feeds show a group once. See docs/stories.md.
 */
export { canonicalizeUrl } from './canonical-url.js';
export { computeSimhash, hammingDistance, toWords, bandKeys, BANDS, MIN_WORDS } from './simhash.js';
export {
  computeStoryKeys,
  forgetStoryKeys,
  groupNewItems,
  planNewItemStories,
  rebuildStoryIndex,
  MAX_DISTANCE,
  type GroupableItem,
  type StoryPlan,
} from './group-items.js';
export { catchUpStoryIndex, resetStoryIndex, storyIndexStats, MAX_MEMBERS } from './story-index.js';
export { collapseStories } from './collapse.js';
export { detachItem } from './detach.js';
export { storyRoutes } from './routes.js';
