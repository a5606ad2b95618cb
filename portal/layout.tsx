/** The portal's frame: the kit's page shell with the portal's name, navigation and footer. */
import type { ComponentChildren } from 'preact';
import { PageShell, type PageShellProps } from '../hub/ui/index.js';

export const SITE_NAME = 'Passerelle';

export interface PortalLayoutProps extends Pick<
  PageShellProps,
  'title' | 'heading' | 'lede' | 'intro' | 'description' | 'head'
> {
  /** The path of the page, to mark its navigation link as current. */
  path: string;
  children?: ComponentChildren;
}

const NAV = [
  { label: 'Accueil', href: '/' },
  { label: 'Widgets', href: '/widgets/demo' },
];

export function PortalLayout({ path, children, ...page }: PortalLayoutProps) {
  return (
    <PageShell
      {...page}
      face="portal"
      siteName={SITE_NAME}
      brand={{ name: SITE_NAME, tagline: 'Les services publics de Nouvelle-Calédonie', href: '/' }}
      nav={NAV.map((link) => ({ ...link, current: link.href === path }))}
      footer={<PortalFooter />}
    >
      {children}
    </PageShell>
  );
}

function PortalFooter() {
  return (
    <div class="pl-site-footer">
      <p>
        Passerelle réunit les contenus des partenaires de <a href="https://service-public.nc">service-public.nc</a> et
        renvoie vers leurs propres sites.
      </p>
      <ul class="pl-site-footer__links">
        <li>
          <a href="/widgets/demo">Widgets pour les sites partenaires</a>
        </li>
        <li>
          <a href="/feeds/items.rss">Flux RSS</a>
        </li>
        <li>
          <a href="/api/v1/openapi.json">API (OpenAPI)</a>
        </li>
      </ul>
    </div>
  );
}
