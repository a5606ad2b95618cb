/** « Qui peut m'aider ? »: one partner's office — address, telephone, e-mail, hours, open now (Nouméa time). */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { formatDateTime } from '../../hub/locale/index.js';
import type { LocalContact } from '../../hub/partners/index.js';

export function ContactCard({ contact }: { contact: LocalContact }) {
  const { office } = contact;
  const place = [office.address, [office.postalCode, office.city].filter(Boolean).join(' ')].filter(Boolean);
  const open = contact.openNow;
  return (
    <article class="pl-contact">
      <h3 class="pl-contact__title">{applyFrenchTypography(office.name ?? contact.partner.name)}</h3>
      {open !== undefined && (
        <p class="pl-contact__state">
          <strong>{open ? 'Ouvert maintenant' : 'Fermé maintenant'}</strong>
          {contact.nextChange &&
            applyFrenchTypography(
              ` — ${open ? 'ferme' : 'ouvre'} le ${formatDateTime(contact.nextChange)} (heure de Nouméa)`,
            )}
        </p>
      )}
      {contact.hoursComment && <p>{applyFrenchTypography(contact.hoursComment)}</p>}
      {place.length > 0 && (
        <p>
          {place.map((line, i) => (
            <span key={line}>
              {i > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      )}
      {office.postalAddress && <p>{applyFrenchTypography(`Courrier : ${office.postalAddress}`)}</p>}
      {office.phone && (
        <p>
          {applyFrenchTypography('Téléphone : ')}
          <a href={`tel:+687${office.phone.replace(/[^0-9]/g, '')}`}>{office.phone.replace(/ /g, '\u00a0')}</a>
        </p>
      )}
      {office.email && (
        <p>
          {applyFrenchTypography('Courriel : ')}
          <a href={`mailto:${office.email}`}>{office.email}</a>
        </p>
      )}
      {contact.week && contact.week.some((d) => d.intervals.length) && (
        <table class="pl-contact__hours">
          <caption class="pl-visually-hidden">Horaires d'ouverture</caption>
          <tbody>
            {contact.week.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.intervals.length ? day.intervals.map((i) => `${i.from}–${i.to}`).join(', ') : 'fermé'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {office.hoursNote && <p>{applyFrenchTypography(office.hoursNote)}</p>}
      <p>
        {contact.mapUrl && <a href={contact.mapUrl}>{applyFrenchTypography('Voir sur la carte')}</a>}
        {contact.mapUrl && contact.partner.website && ' · '}
        {contact.partner.website && <a href={contact.partner.website}>{applyFrenchTypography('Site du partenaire')}</a>}
      </p>
    </article>
  );
}
