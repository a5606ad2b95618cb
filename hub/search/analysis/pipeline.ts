/**
 * The lunr side of the analysis: a tokenizer and three pipeline functions registered by
 * label, so a serialized index names them and `lunr.Index.load` finds them again. No
 * trimmer: words come out of `forEachWord` already clean, and lunr's trimmers would eat
 * accented initials (`Été` → `t`).
 */
import { foldWord } from './fold.js';
import { isStopWord } from './stop-words.js';
import { lunr, stemWord } from './stem.js';
import { forEachWord, type WordVisitor } from './tokenize.js';

function foldToken(token: lunr.Token): lunr.Token {
  return token.update((s) => foldWord(s));
}

function dropStopWord(token: lunr.Token): lunr.Token | undefined {
  return isStopWord(token.toString()) ? undefined : token;
}

function stemToken(token: lunr.Token): lunr.Token {
  return token.update((s) => stemWord(s));
}

const FUNCTIONS: [lunr.PipelineFunction, string][] = [
  [foldToken as lunr.PipelineFunction, 'passerelle-fold-fr'],
  [dropStopWord as lunr.PipelineFunction, 'passerelle-stop-fr'],
  [stemToken as lunr.PipelineFunction, 'passerelle-stem-fr'],
];

const registry = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> })
  .registeredFunctions;

/** Registers the pipeline functions with lunr (idempotent); needed before `lunr.Index.load`. */
export function registerPipeline(): void {
  for (const [fn, label] of FUNCTIONS) {
    if (!registry[label]) lunr.Pipeline.registerFunction(fn, label);
  }
}

/** lunr tokenizer: folded words of a field value (string or array of strings). */
export function tokenizeField(value: unknown, metadata?: object, onWord?: WordVisitor): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  const tokens: lunr.Token[] = [];
  // lunr only reads metadata that the builder whitelists (none here): one shared object will do.
  const meta = metadata ?? {};
  forEachWord(text, (surface, folded, start, end) => {
    tokens.push(new lunr.Token(folded, meta));
    onWord?.(surface, folded, start, end);
  });
  return tokens;
}

/**
 * A lunr builder wired with the French analysis; the caller adds ref, fields and docs.
 * `onWord` sees every word indexed (to collect the vocabulary in the same pass).
 */
export function createBuilder(onWord?: WordVisitor): lunr.Builder {
  registerPipeline();
  const builder = new lunr.Builder();
  const tokenizer = (value: unknown, metadata?: object) => tokenizeField(value, metadata, onWord);
  (builder as unknown as { tokenizer: typeof tokenizer }).tokenizer = tokenizer;
  builder.pipeline.add(
    registry['passerelle-fold-fr']!,
    registry['passerelle-stop-fr']!,
    registry['passerelle-stem-fr']!,
  );
  // Only for callers of index.search(); this module queries with pre-analysed terms.
  builder.searchPipeline.add(registry['passerelle-fold-fr']!, registry['passerelle-stem-fr']!);
  return builder;
}

export { lunr };
