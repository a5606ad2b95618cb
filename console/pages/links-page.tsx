/** Liens cassés: the partner's addresses that fail, and the permanent redirects offered as new addresses. */
import type { LinkRef, LinkView } from '../../hub/link-health/index.js';
import { formatDate } from '../../hub/locale/index.js';
import { applyFrenchTypography, Notice, Table, Tag } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { ConsoleLayout } from '../layout.js';

/** A permanent redirect of an address some of the partner's services use. */
export interface MovedLink {
  link: LinkView;
  /** The services at that address, and whether the agent may move each one (an editor's service). */
  services: Array<{ id: string; name: string; movable: boolean }>;
}

export interface LinksPageProps {
  chrome: Chrome;
  broken: LinkView[];
  moved: MovedLink[];
  /** When the last check finished, if one did. */
  lastCheck?: string;
  /** Platform admins see every partner: the owner's name by id. */
  partnerName?: (id: string) => string;
}

const KINDS: Record<LinkRef['kind'], string> = {
  service: 'Service en ligne',
  item: 'Contenu',
  partner: 'Site du partenaire',
};

function Refs({ refs, partnerName }: { refs: LinkRef[]; partnerName?: LinksPageProps['partnerName'] }) {
  return (
    <ul class="pl-links__refs">
      {refs.map((r) => (
        <li key={`${r.kind}:${r.id}`}>
          {`${KINDS[r.kind]} : `}
          {r.kind === 'item' ? (
            <a href={`/articles/${r.id}`}>{applyFrenchTypography(r.label)}</a>
          ) : (
            applyFrenchTypography(r.label)
          )}
          {partnerName ? ` (${partnerName(r.partnerId)})` : ''}
        </li>
      ))}
    </ul>
  );
}

const Address = ({ url }: { url: string }) => <span class="pl-links__url">{url}</span>;

export function LinksPage({ chrome, broken, moved, lastCheck, partnerName }: LinksPageProps) {
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Liens cassés"
      lede={applyFrenchTypography(
        `Chaque jour, Passerelle vérifie les adresses vers lesquelles le portail envoie les citoyens. Une adresse est cassée après deux échecs de suite ; un service en ligne cassé est signalé « indisponible » sur le portail jusqu’à ce qu’il réponde de nouveau.${lastCheck ? ` Dernière vérification : ${lastCheck}.` : ''}`,
      )}
    >
      <section class="pl-section" aria-labelledby="casses-titre">
        <h2 id="casses-titre">Adresses qui ne répondent plus</h2>
        <Table
          id="liens-casses"
          caption={`${broken.length} adresse${broken.length > 1 ? 's' : ''} cassée${broken.length > 1 ? 's' : ''}`}
          captionHidden
          rows={broken}
          rowKey={(l) => l.id}
          empty="Aucun lien cassé : toutes les adresses ont répondu à la dernière vérification."
          columns={[
            { header: 'Adresse', rowHeader: true, cell: (l) => <Address url={l.url} /> },
            { header: 'Utilisée par', cell: (l) => <Refs refs={l.refs} partnerName={partnerName} /> },
            { header: 'Raison', cell: (l) => applyFrenchTypography(l.error?.message ?? 'échec') },
            { header: 'Cassée depuis le', cell: (l) => formatDate(l.brokenSince) },
            { header: 'Dernier succès', cell: (l) => (l.lastOkAt ? formatDate(l.lastOkAt) : <Tag>Jamais</Tag>) },
          ]}
        />
      </section>
      <section class="pl-section" aria-labelledby="deplacees-titre">
        <h2 id="deplacees-titre">Adresses déplacées</h2>
        <p>
          {applyFrenchTypography(
            'Ces adresses redirigent de façon permanente vers une autre : mettez à jour le service pour envoyer les citoyens directement au bon endroit.',
          )}
        </p>
        {moved.length === 0 ? (
          <Notice>Aucune adresse de service n’est redirigée de façon permanente.</Notice>
        ) : (
          <Table
            id="liens-deplaces"
            caption={`${moved.length} adresse${moved.length > 1 ? 's' : ''} déplacée${moved.length > 1 ? 's' : ''}`}
            captionHidden
            rows={moved}
            rowKey={(m) => m.link.id}
            columns={[
              { header: 'Adresse actuelle', rowHeader: true, cell: (m) => <Address url={m.link.url} /> },
              { header: 'Nouvelle adresse', cell: (m) => <Address url={m.link.movedTo ?? ''} /> },
              {
                header: 'Service',
                cell: (m) => (
                  <ul class="pl-links__refs">
                    {m.services.map((s) => (
                      <li key={s.id}>
                        <p class="pl-links__service">{applyFrenchTypography(s.name)}</p>
                        {s.movable ? (
                          <form method="post" action={`/console/liens/services/${s.id}/adresse`}>
                            <CsrfField token={chrome.csrf} />
                            <input type="hidden" name="lien" value={m.link.id} />
                            <button type="submit" class="pl-button pl-button--secondary">
                              Mettre à jour l’adresse
                              <span class="pl-visually-hidden">{` : ${s.name}`}</span>
                            </button>
                          </form>
                        ) : (
                          applyFrenchTypography('À corriger à la source du service')
                        )}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </section>
    </ConsoleLayout>
  );
}
