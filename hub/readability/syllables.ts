/**
 * French syllables counted from the written word by vowel groups, with the few rules that
 * matter most for running text (docs/readability.md says which and why):
 * - a group of consecutive vowels (a e i o u y, with their accents, æ œ) is one syllable;
 * - a vowel with a diaeresis (ï ü ë ÿ) starts a new group: naïf, Noël;
 * - « é » followed by a vowel ends its group (hiatus): créer, réel, géographie;
 * - the « u » of « qu » and of « gu » before a vowel is not a vowel: quatre, guerre;
 * - a final mute « e » or « es » after a consonant or « é » is not counted when the word
 *   has another syllable: table, tables, année (but le, les, des stay one syllable);
 * - every word with a letter has at least one syllable.
 */

const VOWELS = 'aeiouyàâäéèêëîïôöùûüÿæœ';
const DIAERESIS = 'ïüëÿ';

function isVowel(ch: string): boolean {
  return VOWELS.includes(ch);
}

/** Vowel groups of letters, a vowel with a diaeresis or one after « é » starting a new group. */
function countGroups(word: string): number {
  let groups = 0;
  let inGroup = false;
  let previous = '';
  for (const ch of word) {
    const vowel = isVowel(ch);
    const breaks = vowel && inGroup && (DIAERESIS.includes(ch) || previous === 'é');
    if (vowel && (!inGroup || breaks)) groups += 1;
    inGroup = vowel;
    previous = ch;
  }
  return groups;
}

/** Syllables of one segment of letters (no apostrophe, no hyphen), lower case. */
function countSegment(segment: string): number {
  // « qu » and « gu » before a vowel: the u only marks the consonant's sound.
  const word = segment.replace(/([qg])u(?=[aeiouyàâäéèêëîïôöùûü])/g, '$1');
  // A final mute e (table, tables, année) is not said, unless it is the only vowel (le, les).
  const stem = word.replace(/(?<=[^aeiouyàâäèêëîïôöùûüÿæœ])es?$/, '');
  return countGroups(stem) || countGroups(word);
}

/** Syllables of a word; words joined by an apostrophe or a hyphen count each part (l'école, peut-être). */
export function countSyllables(word: string): number {
  const lower = word.toLocaleLowerCase('fr');
  if (!/\p{L}/u.test(lower)) return 0;
  // An elided « qu' » (qu'il, lorsqu'on) is the consonant of the next part.
  const total = lower
    .replace(/qu(?=['’])/g, 'q')
    .split(/['’-]/)
    .filter(Boolean)
    .reduce((sum, part) => sum + countSegment(part), 0);
  return Math.max(1, total);
}
