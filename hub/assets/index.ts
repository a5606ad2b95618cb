/** Files served from memory with their ETag and compressed encodings (scripts, stylesheets). */
export {
  IMMUTABLE,
  SHORT_CACHE,
  sendFile,
  toServedFile,
  type Compression,
  type Encoding,
  type ServedFile,
} from './served-file.js';
export { loadOnce } from './load-once.js';
