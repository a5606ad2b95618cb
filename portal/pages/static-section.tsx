/** A titled section of an information page (accessibility, legal notice, personal data). */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography } from '../../hub/ui/index.js';

export function StaticSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="pl-section" aria-labelledby={`${id}-titre`}>
      <h2 class="pl-section__title" id={`${id}-titre`}>
        {applyFrenchTypography(title)}
      </h2>
      {children}
    </section>
  );
}
