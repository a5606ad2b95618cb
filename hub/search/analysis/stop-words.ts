/**
 * French stop words, folded. Based on lunr-languages' French list (Snowball's), minus the
 * forms that are also common nouns or carry meaning in public-service texts: `été`
 * (summer), `fût`, `son` (sound), `sommes` (sums of money), `avions` (aircraft). (`étés`
 * stays a stop word: folded, it is `êtes`.)
 * Elided forms (`l'`, `qu'`, `jusqu'`…) are listed so an apostrophe split leaves nothing.
 */
import { foldWord } from './fold.js';

const SNOWBALL_FR =
  'ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions ' +
  'aurons auront aux avaient avais avait avec avez aviez avons ayant ayez ayons c ce ceci ' +
  'celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse ' +
  'eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses ' +
  'fussiez fussions fûmes fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes ' +
  'moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels ' +
  'qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons ' +
  'seront ses soi soient sois soit soyez soyons suis sur t ta te tes toi ton tu un une vos ' +
  'votre vous y à étaient étais était étant étiez étions été étée étées étés êtes';

/** Words that Snowball's list holds but that are nouns here; kept searchable. */
export const KEPT_WORDS = ['été', 'fut', 'fût', 'son', 'sommes', 'avions'];

const EXTRA = 'jusqu lorsqu puisqu quoiqu presqu quelqu';

const STOP_WORDS: ReadonlySet<string> = new Set(
  `${SNOWBALL_FR} ${EXTRA}`
    .split(' ')
    .map(foldWord)
    .filter((w) => !KEPT_WORDS.map(foldWord).includes(w)),
);

/** True when a folded word carries no meaning for search (`de`, `les`, `qu`…). */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
