/** The French text analysis shared by indexing, querying, snippets and suggestions. */
export { foldWord } from './fold.js';
export { isStopWord, KEPT_WORDS } from './stop-words.js';
export { stemWord, lunr } from './stem.js';
export { forEachWord, foldedWords, MAX_WORD_LENGTH, type WordVisitor } from './tokenize.js';
export { createBuilder, registerPipeline, tokenizeField } from './pipeline.js';
