/**
 * npm run gen:thesaurus (with generate-abbreviations.ts) — writes derivations-data.ts, the verb ↔ noun ↔ adjective families
 * that queries are expanded with (résilier ↔ résiliation, licencier ↔ licencié ↔
 * licenciement, payer ↔ paiement, inscrire ↔ inscription ↔ inscrit).
 *
 * Method (the one Démonette and DériF start from): French derivation is mostly regular
 * suffixation, so each verb of a lexicon is paired with the words that the suffix rules
 * below make from its base, and a pair is kept only when the lexicon lists the made word.
 * The rules over-generate; the lexicon filters. A few real words that rules make from an
 * unrelated verb (porter → portion) are left out by name (FALSE_FRIENDS).
 *
 * Lexicon: Grammalecte's French dictionary (Olivier R., dictionnaire « Classique »
 * v7.5, MPL 2.0) as packaged by the npm dev dependency `dictionary-fr` 3.0.0. Its lemma
 * list tells verbs (Hunspell verb flags) from nouns and adjectives.
 *
 * Only families whose words do not already share a French Snowball stem are written: the
 * engine already matches those (rembourser and remboursement are both `rembours`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldWord, stemWord } from '../analysis/index.js';

/** [verb ending, derived ending]: verb = base + first, derived = base + second (folded). */
export const RULES: readonly (readonly [string, string])[] = [
  // -er verbs: action nouns, agents, adjectives, participles, zero derivation (embauche, don).
  ['er', 'ation'],
  ['er', 'ement'],
  ['er', 'age'],
  ['er', 'ure'],
  ['er', 'eur'],
  ['er', 'able'],
  ['er', 'ant'],
  ['er', 'ance'],
  ['er', 'ence'],
  ['er', 'if'],
  ['er', 'ier'],
  ['er', 'ataire'],
  ['er', 'e'],
  ['er', 'ee'],
  ['er', ''],
  ['ter', 'tion'],
  ['uer', 'ution'],
  ['yer', 'iement'],
  ['yer', 'i'],
  ['ier', 'iaire'],
  ['ouer', 'ocation'],
  ['ouer', 'ocataire'],
  ['quer', 'cation'],
  ['fier', 'fication'],
  ['fier', 'ficatif'],
  ['eler', 'ellement'],
  ['eter', 'ettement'],
  ['eder', 'ession'],
  ['eder', 'esseur'],
  // -ir verbs.
  ['ir', 'ition'],
  ['ir', 'issement'],
  ['ir', 'issance'],
  ['ir', 'isseur'],
  ['ir', 'ie'],
  ['ir', 'i'],
  ['ir', 'e'],
  ['vir', 'vice'],
  ['rir', 'erture'],
  ['rir', 'ert'],
  ['enir', 'ention'],
  ['enir', 'enu'],
  ['cevoir', 'ception'],
  ['cevoir', 'cu'],
  // -re verbs.
  ['ire', 'iption'],
  ['ire', 'it'],
  ['ire', 'iction'],
  ['ire', 'ection'],
  ['ire', 'ecteur'],
  ['ire', 'ecture'],
  ['uire', 'uction'],
  ['uire', 'uit'],
  ['uire', 'uite'],
  ['dre', 'te'],
  ['dre', 'du'],
  ['dre', 'se'],
  ['dre', 'sion'],
  ['aitre', 'aissance'],
  ['mettre', 'mission'],
  ['oudre', 'olution'],
  ['ompre', 'upture'],
  ['ompre', 'uption'],
  ['ure', 'usion'],
];

/** Verbs too general to expand (auxiliaries and modals). */
const SKIPPED_VERBS = new Set(['etre', 'avoir', 'aller', 'pouvoir', 'devoir', 'vouloir', 'falloir', 'savoir', 'faire']);

/** Real words that a rule makes from an unrelated verb. */
export const FALSE_FRIENDS = new Set([
  'portion', // porter
  'notion', // noter
  'intention', // intenter
  'motion', // moter
  'ration', // rater
  'lotion',
  'potion',
  'dotation', // doter: a grant, not "to endow" in citizens' words
  'mention', // mentir is not its verb
  'pote', // poter
  'vent', // venter
  'resilience', // résilier
  'perse', // perdre
  'depense', // dépendre (dépense goes with dépenser)
  'puis', // puiser
]);

interface Lexicon {
  verbs: string[];
  /** Folded nouns, adjectives and other non-verb words. */
  others: Set<string>;
}

/** Reads Grammalecte's .dic: `word/FLAGS`; a first flag like `a0`, `f0`, `tA` marks a verb. */
export function readLexicon(dic: string): Lexicon {
  const verbs = new Set<string>();
  const others = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const [word = '', flags = ''] = line.split('/');
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word)) continue; // lower-case words only: no names, sigles
    const folded = foldWord(word);
    if (/^[a-z][0-9A-Z]/.test(flags) && /(er|ir|re|oir)$/.test(folded)) verbs.add(folded);
    else others.add(folded);
  }
  return { verbs: [...verbs].sort(), others };
}

/** The family of one verb: the verb, then the lexicon's words its rules make. */
export function deriveFamily(verb: string, others: ReadonlySet<string>): string[] {
  const family = new Set([verb]);
  for (const [from, to] of RULES) {
    // A base of one letter is only trusted with a long ending: l-ouer → l-ocation, n-aître → n-aissance.
    if (!verb.endsWith(from) || verb.length - from.length < (from.length >= 4 ? 1 : 2)) continue;
    const derived = verb.slice(0, verb.length - from.length) + to;
    if (derived !== verb && others.has(derived) && !FALSE_FRIENDS.has(derived)) family.add(derived);
  }
  return [...family];
}

/** Families worth storing: at least two distinct Snowball stems. */
export function buildFamilies(lexicon: Lexicon): string[][] {
  const families: string[][] = [];
  for (const verb of lexicon.verbs) {
    if (SKIPPED_VERBS.has(verb)) continue;
    const family = deriveFamily(verb, lexicon.others);
    if (new Set(family.map(stemWord)).size > 1) families.push(family);
  }
  return families;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('dictionary-fr'));
  const dicPath = join(folder, 'index.dic');
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  const families = buildFamilies(readLexicon(readFileSync(dicPath, 'utf8')));
  const out = join(dirname(fileURLToPath(import.meta.url)), 'derivations-data.ts');
  const lines = families.map((f) => f.join(' ')).join('\n');
  writeFileSync(
    out,
    `/**
 * Derivational families, one a line, verb first, folded (${families.length} families).
 * Generated by generate-derivations.ts (npm run gen:thesaurus) from Grammalecte's French
 * dictionary (MPL 2.0, npm dictionary-fr ${version}) — do not edit by hand.
 */
export const DERIVATION_FAMILIES = \`
${lines}
\`;
`,
  );
  console.error(`derivations: ${families.length} families → ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
