/** /partenaires: the 45 partners grouped by kind (communes by province), each leading to its page. */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';
import { PARTNER_KIND_LABELS, PROVINCE_LABELS, type PartnerRef } from '../view/partner-words.js';

export interface PartnerGroup {
  kind: string;
  partners: PartnerRef[];
}

export function PartnersPage({ groups, total }: { groups: PartnerGroup[]; total: number }) {
  return (
    <PortalLayout
      title="Les partenaires"
      section="/partenaires"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Partenaires' }]}
      lede={applyFrenchTypography(
        `Les ${total} membres de service-public.nc dont Passerelle réunit les publications. Chaque page donne le site du partenaire, ses dernières publications et ses flux.`,
      )}
      meta={{
        canonicalPath: '/partenaires',
        description: `Les ${total} partenaires de service-public.nc : provinces, communes, gouvernement, État et établissements publics.`,
      }}
    >
      {groups.map((group) => (
        <section key={group.kind} class="pl-section" aria-labelledby={`partenaires-${group.kind}`}>
          <h2 class="pl-section__title" id={`partenaires-${group.kind}`}>
            {`${PARTNER_KIND_LABELS[group.kind] ?? group.kind} (${group.partners.length})`}
          </h2>
          {group.kind === 'commune' ? (
            <CommunesByProvince communes={group.partners} />
          ) : (
            <PartnerList partners={group.partners} />
          )}
        </section>
      ))}
    </PortalLayout>
  );
}

function PartnerList({ partners }: { partners: PartnerRef[] }) {
  return (
    <ul class="pl-link-grid pl-link-grid--wide">
      {partners.map((p) => (
        <li key={p.id}>
          <a href={`/partenaires/${p.id}`}>{p.name}</a>
        </li>
      ))}
    </ul>
  );
}

function CommunesByProvince({ communes }: { communes: PartnerRef[] }) {
  return (
    <>
      {['sud', 'nord', 'iles'].map((province) => {
        const inProvince = communes.filter((c) => c.province === province);
        if (!inProvince.length) return null;
        return (
          <div key={province} class="pl-partner-subgroup">
            <h3>{PROVINCE_LABELS[province]}</h3>
            <ul class="pl-link-grid">
              {inProvince.map((c) => (
                <li key={c.id}>
                  <a href={`/communes/${c.id}`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
