/** One online service: what it does, who runs it, what it takes, and the way out through /sortie/:id. */
import { formatDate } from '../../hub/locale/index.js';
import { applyFrenchTypography, Button, Notice } from '../../hub/ui/index.js';
import type { OnlineService } from '../../schemas/index.js';

export interface ServiceCardProps {
  service: OnlineService;
  partnerName: string;
  /** The heading level of the service's name (2 on /demarches, 3 inside a section). */
  level?: 2 | 3;
}

export function ServiceCard({ service, partnerName, level = 3 }: ServiceCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const facts = [
    service.accountRequired === true ? 'Compte du partenaire nécessaire' : undefined,
    service.accountRequired === false ? 'Sans compte' : undefined,
    service.cost ? `Coût : ${service.cost}` : undefined,
    service.duration ? `Durée : ${service.duration}` : undefined,
  ].filter((f): f is string => Boolean(f));
  return (
    <article class="pl-service">
      <Heading class="pl-service__title">{applyFrenchTypography(service.name)}</Heading>
      <p class="pl-service__by pl-muted">
        {applyFrenchTypography(`${partnerName}${service.provider ? ` — ${service.provider}` : ''}`)}
      </p>
      {service.description && <p class="pl-service__text">{applyFrenchTypography(service.description)}</p>}
      {facts.length > 0 && (
        <ul class="pl-service__facts">
          {facts.map((fact) => (
            <li key={fact}>{applyFrenchTypography(fact)}</li>
          ))}
        </ul>
      )}
      {service.unavailableSince ? (
        <Unavailable service={service} />
      ) : (
        <p class="pl-service__action">
          <Button href={service.exitUrl ?? `/sortie/${service.id}`}>
            Faire la démarche en ligne<span class="pl-visually-hidden">{` : ${service.name}`}</span>
          </Button>
        </p>
      )}
    </article>
  );
}

/** The link check found the address broken: say so rather than send people into a wall (issue 14). */
function Unavailable({ service }: { service: OnlineService }) {
  return (
    <Notice kind="alert" title={`Indisponible chez le partenaire depuis le ${formatDate(service.unavailableSince)}`}>
      <p>
        {applyFrenchTypography('Le site du partenaire ne répond plus à cette adresse. ')}
        <a href={service.exitUrl ?? `/sortie/${service.id}`}>
          Essayer quand même<span class="pl-visually-hidden">{` : ${service.name}`}</span>
        </a>
      </p>
    </Notice>
  );
}
