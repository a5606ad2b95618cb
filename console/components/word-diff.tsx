/**
 * A word diff readable without colour: insertions are <ins> (underlined), deletions <del>
 * (struck through), each also announced in words — « ajouté : », « supprimé : » — for
 * screen readers, and the region takes the keyboard's focus to be scrolled.
 */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { splitSpace, type WordDiff } from '../../hub/labs/index.js';

export function WordDiffView({ diff, label }: { diff: WordDiff; label: string }) {
  const summary = `${diff.inserted} mot${diff.inserted > 1 ? 's' : ''} ajouté${diff.inserted > 1 ? 's' : ''}, ${diff.deleted} mot${diff.deleted > 1 ? 's' : ''} supprimé${diff.deleted > 1 ? 's' : ''}`;
  return (
    <div class="pl-diff">
      <p class="pl-diff__summary">{applyFrenchTypography(summary)}</p>
      <section class="pl-diff__text" aria-label={label} tabIndex={0}>
        {diff.parts.map((part, i) => {
          if (part.op === 'equal') return part.text;
          const { lead, core, trail } = splitSpace(part.text);
          const Tag = part.op === 'insert' ? 'ins' : 'del';
          return (
            <>
              {lead}
              <Tag key={i} class={`pl-diff__${part.op}`}>
                <span class="pl-visually-hidden">{part.op === 'insert' ? '[ajouté : ' : '[supprimé : '}</span>
                {core}
                <span class="pl-visually-hidden">]</span>
              </Tag>
              {trail}
            </>
          );
        })}
      </section>
    </div>
  );
}
