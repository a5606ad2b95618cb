/**
 * Partners' images served by the hub (README "Images"): resized, cached in the database
 * for every hub process, in modern formats, so that widgets and portal pages make no
 * request to another host. Faces build addresses with imageUrl / imageSrcset; the API
 * gives items' images a `key` for the widgets.
 */
export { IMAGE_WIDTHS, imageSrcset, imageUrl, prepareImageKeys, withImageKey, type ImageWidth } from './image-key.js';
export { rewriteContentImages } from './rewrite-content.js';
export { imageRoutes, type ImageRouteDeps } from './routes.js';
export { IMAGE_COLLECTIONS } from './image-store.js';
export { IMAGE_MAX_BYTES, purgeUnusedImages, REVALIDATE_MS, UNUSED_IMAGE_MS } from './load-image.js';
export { MAX_PIXELS } from './image-processing.js';
