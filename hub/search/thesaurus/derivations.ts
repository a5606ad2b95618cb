/**
 * Derivational families (derivations-data.ts, generated from Grammalecte's lexicon): for
 * a stem, the stems of the other words of its families. `licenci` (licencier, licenciement)
 * → `licenc` (licencié); `inscrir` (inscrire) → `inscript`, `inscrit`.
 */
import { stemWord } from '../analysis/index.js';
import { DERIVATION_FAMILIES } from './derivations-data.js';

export type DerivationIndex = ReadonlyMap<string, readonly string[]>;

/** Parses families (one a line, words separated by spaces) into stem → related stems. */
export function indexDerivations(text: string = DERIVATION_FAMILIES): DerivationIndex {
  const related = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const stems = [...new Set(line.split(' ').filter(Boolean).map(stemWord))];
    if (stems.length < 2) continue;
    for (const stem of stems) {
      const set = related.get(stem) ?? new Set<string>();
      for (const other of stems) if (other !== stem) set.add(other);
      related.set(stem, set);
    }
  }
  return new Map([...related].map(([stem, set]) => [stem, [...set]]));
}

let shipped: DerivationIndex | undefined;

/** The shipped families, indexed once per process. */
export function getDerivations(): DerivationIndex {
  return (shipped ??= indexDerivations());
}
