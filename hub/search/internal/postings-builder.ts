/**
 * Builds the compact postings (postings.ts) with lunr's analysis and lunr's BM25, without
 * lunr's object tree: each field goes through the lunr builder's tokenizer and pipeline
 * exactly as `lunr.Builder#add` does, term frequencies land in growable typed arrays, and
 * `finish()` computes the weights with the very expressions of `lunr.Builder#build`
 * (calculateAverageFieldLengths, lunr.idf, createFieldVectors), so they are the same
 * numbers, bit for bit. A 50k-item lunr build peaked at ~3 GB of objects; this holds
 * ~10 bytes per (term, field, document).
 */
import type { lunr } from '../analysis/index.js';
import type { Postings } from './postings.js';

/** A Uint32Array that grows by doubling. */
class Column {
  data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Adds `by` at `at`, growing (zero-filled) as needed. */
  add(at: number, by: number): void {
    while (at >= this.length) this.push(0);
    this.data[at]! += by;
  }
}

interface LunrBuilderInternals {
  tokenizer: (value: unknown, metadata: object) => lunr.Token[];
  pipeline: lunr.Pipeline;
  _k1: number;
  _b: number;
}

/**
 * Documents indexed elsewhere that the weights must account for: a small index of changed
 * items laid over a full one (search-layered.ts) gets the idf of the whole corpus, so that
 * a word rare in the corpus stays rare in it.
 */
export interface CorpusStats {
  documents: number;
  documentsWithTerm(term: string): number;
  /** Their average field lengths (BM25's length normalisation), when known. */
  averageFieldLengths?: readonly number[];
}

/**
 * A field taken as it is rather than analysed: its terms with the weights (× 1000) a full
 * build gave them, and the length to count for it in the averages. A document laid over the
 * full index again after a partner edit keeps its own text this way (search-layered.ts).
 */
export interface FixedField {
  terms: string[];
  weights: number[];
  length: number;
}

/** Feeds documents in order (0, 1, 2…), then `finish()` returns the postings. */
export class PostingsBuilder {
  private readonly builder: LunrBuilderInternals;
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  /** Entries of every (document, field), in document then field order: term id and tf. */
  private readonly entryTerms = new Column();
  private readonly entryTfs = new Column();
  /** Per (document, field): where its entries start, and its length in terms. */
  private readonly fieldStarts = new Column();
  private readonly fieldLengths = new Column();
  /** Per (term, field): number of documents. */
  private readonly counts = new Column();
  /** Per entry, a fixed weight + 1 (0: computed); allocated at the first fixed field only. */
  private fixed: Column | undefined;
  private documents = 0;

  constructor(
    builder: lunr.Builder,
    private readonly fields: readonly string[],
    private readonly boosts: readonly number[],
    private readonly corpus?: CorpusStats,
  ) {
    this.builder = builder as unknown as LunrBuilderInternals;
  }

  /**
   * Analyses one document's fields (values by field name), as lunr.Builder#add does; the
   * fields in `fixed` (by field number) are taken as they are instead.
   */
  add(values: object, fixed?: ReadonlyMap<number, FixedField>): void {
    const F = this.fields.length;
    const frequencies = new Map<string, number>();
    this.fields.forEach((field, f) => {
      const given = fixed?.get(f);
      if (given) {
        this.addFixed(f, given);
        return;
      }
      const terms = this.builder.pipeline.run(
        this.builder.tokenizer((values as Record<string, unknown>)[field], { fields: [field] }),
      );
      frequencies.clear();
      for (const term of terms) {
        const key = term.toString();
        frequencies.set(key, (frequencies.get(key) ?? 0) + 1);
      }
      this.fieldStarts.push(this.entryTerms.length);
      this.fieldLengths.push(terms.length);
      for (const [term, tf] of frequencies) {
        const id = this.getTermId(term);
        this.entryTerms.push(id);
        this.entryTfs.push(tf);
        this.counts.add(id * F + f, 1);
      }
    });
    this.documents++;
  }

  private addFixed(f: number, field: FixedField): void {
    const F = this.fields.length;
    this.fieldStarts.push(this.entryTerms.length);
    this.fieldLengths.push(field.length);
    this.fixed ??= new Column();
    field.terms.forEach((term, i) => {
      const id = this.getTermId(term);
      this.fixed!.add(this.entryTerms.length, field.weights[i]! + 1);
      this.entryTerms.push(id);
      this.entryTfs.push(0);
      this.counts.add(id * F + f, 1);
    });
  }

  private getTermId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }

  /** The postings, terms sorted, with lunr's BM25 weights. */
  finish(): Postings {
    const F = this.fields.length;
    const T = this.termList.length;
    this.counts.add(T * F, 0); // counts spans every (term, field), even trailing zeros
    const order = this.termList.map((_t, id) => id).sort((a, b) => (this.termList[a]! < this.termList[b]! ? -1 : 1));
    const rank = new Uint32Array(T);
    order.forEach((id, r) => (rank[id] = r));
    const offsets = new Uint32Array(T * F + 1);
    for (let id = 0; id < T; id++)
      for (let f = 0; f < F; f++) offsets[rank[id]! * F + f + 1] = this.counts.data[id * F + f]!;
    for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!;
    const average = this.averageFieldLengths();
    const postings = {
      fields: this.fields,
      terms: order.map((id) => this.termList[id]!),
      offsets,
      docs: new Uint32Array(offsets[T * F]!),
      weights: new Uint32Array(offsets[T * F]!),
      averageFieldLengths: average,
    };
    this.termIds.clear();
    this.fillEntries(postings, rank, this.computeIdf(T), average);
    return postings;
  }

  /** lunr.idf: lunr counts a document once per field the term appears in. */
  private computeIdf(T: number): Float64Array {
    const F = this.fields.length;
    const idf = new Float64Array(T);
    const documents = this.documents + (this.corpus?.documents ?? 0);
    for (let id = 0; id < T; id++) {
      let documentsWithTerm = this.corpus?.documentsWithTerm(this.termList[id]!) ?? 0;
      for (let f = 0; f < F; f++) documentsWithTerm += this.counts.data[id * F + f]!;
      const x = (documents - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
      idf[id] = Math.log(1 + Math.abs(x));
    }
    return idf;
  }

  /**
   * lunr.Builder#calculateAverageFieldLengths: every document has every field. With a
   * `corpus` whose averages are known, the averages over both.
   */
  private averageFieldLengths(): number[] {
    const F = this.fields.length;
    const sums = new Array<number>(F).fill(0);
    for (let i = 0; i < this.documents * F; i++) sums[i % F]! += this.fieldLengths.data[i]!;
    const other = this.corpus?.averageFieldLengths;
    if (!this.corpus || other?.length !== F) return sums.map((sum) => sum / this.documents);
    const n = this.documents + this.corpus.documents;
    return sums.map((sum, f) => (sum + other[f]! * this.corpus!.documents) / n);
  }

  /** lunr.Builder#createFieldVectors, writing weight × 1000 into the CSR arrays. */
  private fillEntries(
    postings: { docs: Uint32Array; weights: Uint32Array; offsets: Uint32Array },
    rank: Uint32Array,
    idf: Float64Array,
    average: number[],
  ): void {
    const F = this.fields.length;
    const { _k1: k1, _b: b } = this.builder;
    const cursor = postings.offsets.slice(0, -1);
    const starts = this.fieldStarts;
    for (let doc = 0, df = 0; doc < this.documents; doc++) {
      for (let f = 0; f < F; f++, df++) {
        const fieldLength = this.fieldLengths.data[df]!;
        const end = df + 1 < starts.length ? starts.data[df + 1]! : this.entryTerms.length;
        for (let e = starts.data[df]!; e < end; e++) {
          const id = this.entryTerms.data[e]!;
          const at = cursor[rank[id]! * F + f]!++;
          postings.docs[at] = doc;
          const fixed = this.fixed && e < this.fixed.length ? this.fixed.data[e]! : 0;
          if (fixed > 0) {
            postings.weights[at] = fixed - 1;
            continue;
          }
          const tf = this.entryTfs.data[e]!;
          let score = (idf[id]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / average[f]!)) + tf);
          score *= this.boosts[f]!;
          // lunr keeps Math.round(score * 1000) / 1000; × 1000 that is this integer.
          postings.weights[at] = Math.round(score * 1000);
        }
      }
    }
  }
}
