/** The tabs of what citizens tell about the content: their feedback, readability, searches without answer. */
import type { FunctionComponent } from 'preact';

const TABS = [
  { id: 'avis', label: 'Avis des citoyens', href: '/console/avis' },
  { id: 'lisibilite', label: 'Lisibilité', href: '/console/lisibilite' },
  { id: 'recherches', label: 'Recherches sans réponse', href: '/console/recherches-sans-reponse' },
] as const;

export type VoiceTab = (typeof TABS)[number]['id'];

/** `partner` keeps a platform admin's chosen partner from tab to tab. */
export const VoiceTabs: FunctionComponent<{ current: VoiceTab; partner?: string | undefined }> = ({
  current,
  partner,
}) => (
  <nav aria-label="Ce que disent les citoyens" class="pl-tabs">
    <ul class="pl-tabs__list">
      {TABS.map((t) => (
        <li key={t.id}>
          <a
            href={partner && t.id !== 'recherches' ? `${t.href}?partenaire=${encodeURIComponent(partner)}` : t.href}
            aria-current={t.id === current ? 'page' : undefined}
          >
            {t.label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);
