/**
 * The portal's error pages, in French and never with a stack trace: an address that leads
 * nowhere (404), a request the portal cannot read (400, with what was wrong), a failure on
 * our side (500) or a search not ready yet (503). Each offers the search and the way home.
 */
import { applyFrenchTypography, Notice, SearchForm, type FieldErrorEntry } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';

export interface ErrorPageProps {
  status: 400 | 404 | 500 | 503;
  /** The address asked for (path and query). */
  path: string;
  /** What was wrong in the request (400): each entry names the parameter. */
  errors?: FieldErrorEntry[];
  /** Overrides the default explanation. */
  message?: string;
}

const TEXTS: Record<ErrorPageProps['status'], { title: string; message: string }> = {
  400: {
    title: 'Erreur : adresse incorrecte',
    message:
      "L'adresse demandée contient une valeur que le portail ne sait pas lire. Corrigez-la, ou repartez de la recherche.",
  },
  404: {
    title: 'Page introuvable',
    message:
      "Cette page n'existe pas ou plus : l'adresse est peut-être mal recopiée, ou le contenu a été retiré par son partenaire.",
  },
  500: {
    title: 'Une erreur est survenue',
    message:
      "Le portail n'a pas pu afficher cette page à cause d'une erreur de notre côté. Elle a été enregistrée ; réessayez dans un instant.",
  },
  503: {
    title: 'Service momentanément indisponible',
    message: 'Le moteur de recherche termine sa préparation. Réessayez dans quelques secondes.',
  },
};

export function ErrorPage({ status, path, errors = [], message }: ErrorPageProps) {
  const text = TEXTS[status];
  return (
    <PortalLayout
      title={text.title}
      meta={{ canonicalPath: path, description: text.message, noindex: true }}
      lede={applyFrenchTypography(message ?? text.message)}
    >
      {errors.length > 0 && (
        <Notice kind="alert" title="Ce qui ne va pas dans l'adresse">
          <ul>
            {errors.map((e) => (
              <li key={e.field}>{applyFrenchTypography(`« ${e.field} » : ${e.message}`)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <section class="pl-section" aria-labelledby="suite-titre">
        <h2 class="pl-section__title" id="suite-titre">
          Et maintenant ?
        </h2>
        <SearchForm action="/recherche" label="Rechercher dans les contenus des partenaires" />
        <ul>
          <li>
            <a href="/">{applyFrenchTypography("Revenir à la page d'accueil")}</a>
          </li>
          <li>
            <a href="/partenaires">Voir la liste des partenaires</a>
          </li>
        </ul>
        <p class="pl-muted">{`Code de l'erreur : ${status}`}</p>
      </section>
    </PortalLayout>
  );
}
