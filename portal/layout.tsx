/**
 * The portal's frame: the kit's page shell with the portal's name, navigation, footer and
 * head tags (canonical address, sharing cards, feeds, schema.org data, breadcrumbs).
 */
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { applyFrenchTypography, Breadcrumbs, PageShell, type Crumb, type PageShellProps } from '../hub/ui/index.js';
import { HeadTags, SITE_NAME, type PageMeta } from './site/head-tags.js';
import { SiteContext } from './site/site-context.js';
import { describeBreadcrumbs } from './site/structured-data.js';

export { SITE_NAME } from './site/head-tags.js';

export interface PortalLayoutProps extends Pick<PageShellProps, 'title' | 'heading' | 'lede' | 'intro'> {
  /** The section of the site the page belongs to, to mark its navigation link as current. */
  section?: (typeof NAV)[number]['href'];
  meta: PageMeta;
  /** From the home page to this one (the home page itself has none). */
  breadcrumbs?: Crumb[];
  /** Scripts that enhance the page (loaded defer, never inline). */
  scripts?: string[];
  children?: ComponentChildren;
}

const NAV = [
  { label: 'Accueil', href: '/' },
  { label: 'Rechercher', href: '/recherche' },
  { label: 'Démarches en ligne', href: '/demarches' },
  { label: 'Partenaires', href: '/partenaires' },
] as const;

export function PortalLayout({ section, meta, breadcrumbs, scripts = [], children, ...page }: PortalLayoutProps) {
  const { publicUrl } = useContext(SiteContext);
  const structuredData = [
    ...(meta.structuredData ?? []),
    ...(breadcrumbs ? [describeBreadcrumbs(breadcrumbs, publicUrl, meta.canonicalPath)] : []),
  ];
  return (
    <PageShell
      {...page}
      face="portal"
      siteName={SITE_NAME}
      description={meta.description}
      brand={{ name: SITE_NAME, tagline: 'Les services publics de Nouvelle-Calédonie', href: '/' }}
      nav={NAV.map((link) => ({ ...link, current: link.href === section }))}
      breadcrumbs={breadcrumbs && <Breadcrumbs items={breadcrumbs} />}
      head={
        <>
          <HeadTags meta={{ ...meta, structuredData }} title={page.title} />
          {scripts.map((src) => (
            <script key={src} src={src} defer />
          ))}
        </>
      }
      footer={<PortalFooter />}
    >
      {children}
    </PageShell>
  );
}

const FOOTER_LINKS = [
  { label: 'Accessibilité : partiellement conforme', href: '/accessibilite' },
  { label: 'Mentions légales', href: '/mentions-legales' },
  { label: 'Données personnelles', href: '/donnees-personnelles' },
  { label: 'Mes données', href: '/mes-donnees' },
  { label: 'Tous les partenaires', href: '/partenaires' },
  { label: 'Proposer un contenu', href: '/souhaits' },
  { label: 'Espace agents', href: '/console' },
];

const DEVELOPER_LINKS = [
  { label: 'Widgets pour les sites partenaires', href: '/widgets/demo' },
  { label: 'Flux RSS', href: '/feeds/items.rss' },
  { label: 'Flux Atom', href: '/feeds/items.atom' },
  { label: 'JSON Feed', href: '/feeds/items.json' },
  { label: 'Sources (OPML)', href: '/feeds/sources.opml' },
  { label: 'API (OpenAPI)', href: '/api/v1/openapi.json' },
];

function PortalFooter() {
  return (
    <div class="pl-site-footer">
      <p>
        {applyFrenchTypography(
          'Passerelle réunit les contenus des partenaires de service-public.nc — provinces, communes, gouvernement, État et établissements publics — et renvoie vers leurs propres sites.',
        )}
      </p>
      <nav aria-label="Pied de page">
        <ul class="pl-site-footer__links">
          {FOOTER_LINKS.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{applyFrenchTypography(link.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Pour les partenaires et les développeurs">
        <ul class="pl-site-footer__links pl-site-footer__links--secondary">
          {DEVELOPER_LINKS.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
