/**
 * What an item written together in an open lab says of itself: the partners it was
 * written with, « non relu par » the partners that had not approved a forced publication,
 * and its dated public change notes.
 */
import { applyFrenchTypography, formatDate, Notice } from '../../hub/ui/index.js';
import type { Item } from '../../schemas/index.js';
import type { PartnerRef } from '../view/partner-words.js';

type Names = ReadonlyMap<string, PartnerRef>;

const nameOf = (partners: Names, id: string) => partners.get(id)?.shortName ?? partners.get(id)?.name ?? id;

/** « Province Sud, CAFAT et Ville de Nouméa ». */
function listNames(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
}

/** « Rédigé avec : … », under « Publié par ». */
export function CoAuthors({ item, partners }: { item: Item; partners: Names }) {
  if (!item.coAuthors || item.coAuthors.length < 2) return null;
  return (
    <p class="pl-item-head__coauthors">
      {applyFrenchTypography('Rédigé avec : ')}
      {item.coAuthors.map((id, i) => (
        <>
          {i > 0 && (i === item.coAuthors!.length - 1 ? ' et ' : ', ')}
          <a key={id} href={`/partenaires/${id}`}>
            {nameOf(partners, id)}
          </a>
        </>
      ))}
    </p>
  );
}

/** The partners that have not reviewed this version yet. */
export function UnreviewedNotice({ item, partners }: { item: Item; partners: Names }) {
  if (!item.unreviewedBy?.length) return null;
  return (
    <Notice kind="info" title={`Non relu par : ${listNames(item.unreviewedBy.map((id) => nameOf(partners, id)))}`}>
      <p>
        {applyFrenchTypography('Cette version a été publiée avant la relecture de tous les partenaires concernés.')}
      </p>
    </Notice>
  );
}

/** « Mis à jour le … : … », newest first. */
export function ChangeNotes({ item }: { item: Item }) {
  if (!item.changeNotes?.length) return null;
  return (
    <section class="pl-section" aria-labelledby="mises-a-jour-titre">
      <h2 class="pl-section__title" id="mises-a-jour-titre">
        Mises à jour
      </h2>
      <ul class="pl-change-notes">
        {[...item.changeNotes].reverse().map((n) => (
          <li key={n.date}>
            {'Mis à jour le '}
            <time dateTime={n.date}>{formatDate(n.date)}</time>
            {applyFrenchTypography(` : ${n.note}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
